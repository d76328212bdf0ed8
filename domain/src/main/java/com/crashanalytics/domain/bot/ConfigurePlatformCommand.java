package com.crashanalytics.domain.bot;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;

import com.crashanalytics.domain.common.DecimalLimits;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Configure how a platform offers a game (an upsert by game and platform). A game code the gateway does not
 * know registers that game too, which then needs a house edge. Self-validating.
 */
public record ConfigurePlatformCommand(
        String gameName,
        String platformCode,
        @Nullable String platformUrl,
        @Nullable String currency,
        @Nullable BigDecimal houseEdgePercent,
        @Nullable BigDecimal minMultiplier,
        @Nullable BigDecimal maxMultiplier,
        @Nullable Boolean isActive) {

    public static final int MAX_CODE_LENGTH = 50;

    public ConfigurePlatformCommand {
        Violations violations = new Violations()
                .code("gameName", gameName, MAX_CODE_LENGTH)
                .code("platformCode", platformCode, MAX_CODE_LENGTH)
                .text("platformUrl", platformUrl, 500)
                .amount("houseEdgePercent", houseEdgePercent, DecimalLimits.PERCENT)
                .multiplier("minMultiplier", minMultiplier)
                .multiplier("maxMultiplier", maxMultiplier);
        if (platformUrl != null && !violations.hasViolationOn("platformUrl")) {
            violations.check(isWebAddress(platformUrl), "platformUrl", "HTTP_URL",
                    "must be an absolute http:// or https:// address (got '" + platformUrl + "')");
        }
        if (currency != null) {
            violations.check(currency.matches("[A-Z0-9]{2,10}"), "currency", "CURRENCY_CODE",
                    "must be 2 to 10 uppercase letters or digits, e.g. USD, EUR, USDT (got '" + currency + "')");
        }
        if (houseEdgePercent != null && !violations.hasViolationOn("houseEdgePercent")) {
            violations.check(houseEdgePercent.compareTo(BigDecimal.valueOf(100)) < 0, "houseEdgePercent",
                    "HOUSE_EDGE_BELOW_100", "must be below 100 (got " + houseEdgePercent.toPlainString() + ")");
        }
        BigDecimal min = minMultiplier == null ? BigDecimal.ONE : minMultiplier;
        if (maxMultiplier != null && !violations.hasViolationOn("minMultiplier") && !violations.hasViolationOn("maxMultiplier")) {
            violations.check(maxMultiplier.compareTo(min) >= 0, "maxMultiplier", "MAX_AT_LEAST_MIN",
                    "must be at least minMultiplier (" + min.toPlainString() + "), got " + maxMultiplier.toPlainString());
        }
        violations.throwIfAny();
    }

    private static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
