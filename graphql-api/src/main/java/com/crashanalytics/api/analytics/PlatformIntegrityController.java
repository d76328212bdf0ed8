package com.crashanalytics.api.analytics;

import java.math.BigDecimal;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.integrity.PayoutCusum;
import com.crashanalytics.domain.analytics.integrity.PlatformIntegrity;
import com.crashanalytics.domain.analytics.integrity.PlatformIntegrityQuery;
import com.crashanalytics.domain.analytics.integrity.PlatformIntegrityReadModel;
import com.crashanalytics.domain.analytics.multipliers.MultiplierReadModel;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Platform integrity: day tallies and reading spreads from the read model, the CUSUM and the shares from the domain. */
@Controller
class PlatformIntegrityController {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PlatformIntegrityReadModel integrity;
    private final MultiplierReadModel multipliers;

    PlatformIntegrityController(PlatformIntegrityReadModel integrity, MultiplierReadModel multipliers) {
        this.integrity = integrity;
        this.multipliers = multipliers;
    }

    @QueryMapping
    PlatformIntegrity platformIntegrity(@Argument String game, @Argument String platform,
                                        @Argument @Nullable TimeWindowInput window, @Argument BigDecimal target,
                                        @Argument double shift, @Argument double threshold,
                                        @Argument BigDecimal tolerance, @Argument int largestDisagreements) {
        TimeWindow span = TimeWindowInput.toWindow(window);
        PlatformIntegrityQuery query = new PlatformIntegrityQuery(game, platform, target, shift, threshold, tolerance,
                largestDisagreements, span);
        BigDecimal returnToPlayer = BigDecimal.ONE.subtract(
                multipliers.configuredHouseEdgePercent(game, platform).divide(HUNDRED));
        query.checkShiftFits(returnToPlayer);
        PayoutCusum payout = PayoutCusum.of(returnToPlayer, target, shift, threshold,
                integrity.dayTallies(game, platform, target, span));
        return new PlatformIntegrity(query, payout,
                integrity.ocrAgreement(game, platform, span, tolerance, largestDisagreements));
    }
}
