package com.crashanalytics.domain.common.paging;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/** What narrows a list down: every criterion optional, all given criteria must hold. */
public interface ListFilter {

    /** Every broken rule, with field names relative to the filter. */
    List<Violation> violations();

    /** An optional id criterion: when given, it must be one the gateway could have stored. */
    static Violations identifierIfGiven(Violations violations, String field, @Nullable String value, int maxLength) {
        return value == null ? violations : violations.identifier(field, value, maxLength);
    }

    /** How many bots one filter may name in {@code botIds}. */
    int MAX_BOT_IDS = 1000;

    /** An optional list of bot ids: each one an id the gateway could have stored, and not too many. */
    static Violations botIdsIfGiven(Violations violations, @Nullable List<String> botIds, int maxLength) {
        if (botIds == null) {
            return violations;
        }
        violations.check(botIds.size() <= MAX_BOT_IDS, "botIds", "MAX_ITEMS",
                "may name at most " + MAX_BOT_IDS + " bots (got " + botIds.size() + ")");
        for (int i = 0; i < botIds.size() && i < MAX_BOT_IDS; i++) {
            violations.identifier("botIds[" + i + "]", botIds.get(i), maxLength);
        }
        return violations;
    }

    /**
     * The bots a filter may still select once narrowed to {@code visible}: those of {@code botIds} that are visible,
     * or every visible one when the filter named none.
     */
    static List<String> narrowed(@Nullable List<String> botIds, Collection<String> visible) {
        return botIds == null ? List.copyOf(visible) : botIds.stream().filter(visible::contains).toList();
    }

    /** An optional game or platform code criterion: when given, a lowercase code. */
    static Violations codeIfGiven(Violations violations, String field, @Nullable String value, int maxLength) {
        return value == null ? violations : violations.code(field, value, maxLength);
    }

    /**
     * Checks a time window, {@code from} inclusive and {@code to} exclusive: half-open, so consecutive windows (a day,
     * then the next) never list a row twice.
     */
    static Violations checkWindow(Violations violations, @Nullable Instant from, @Nullable Instant to) {
        return violations.check(from == null || to == null || from.isBefore(to), "to", "AFTER_FROM",
                "must be after from (" + from + "), got " + to);
    }
}
