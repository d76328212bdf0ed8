package com.crashanalytics.domain.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.crashanalytics.domain.common.Violation;
import org.junit.jupiter.api.Test;

class ErrorFilterTest {

    @Test
    void givenCriteriaFollowTheRulesOfWhatTheyName() {
        assertThat(ErrorFilter.ALL.violations()).isEmpty();
        assertThat(new ErrorFilter("bot_1", null, "session\u0001", " ocr_error", Severity.CRITICAL, null, null).violations())
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("sessionId", "NO_CONTROL_CHARACTERS"),
                        tuple("errorType", "NO_SURROUNDING_WHITESPACE"));
    }
}
