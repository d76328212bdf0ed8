package com.crashanalytics.domain.common.paging;

import java.time.Instant;
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
