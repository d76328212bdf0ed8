package com.crashanalytics.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;

import com.crashanalytics.domain.common.Violation;
import org.junit.jupiter.api.Test;

class SessionFilterTest {

    @Test
    void givenCriteriaFollowTheRulesOfWhatTheyName() {
        Instant noon = Instant.parse("2026-11-21T12:00:00Z");

        assertThat(SessionFilter.ALL.violations()).isEmpty();
        assertThat(new SessionFilter("x".repeat(51), null, "aviator", "PLATFORM", null, SessionStatus.ACTIVE,
                noon.plusSeconds(60), noon, null, null).violations())
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("botId", "MAX_LENGTH"), tuple("platformCode", "LOWERCASE_CODE"),
                        tuple("to", "AFTER_FROM"));
    }
}
