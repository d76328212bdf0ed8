package com.crashanalytics.domain.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;

import com.crashanalytics.domain.common.Violation;
import org.junit.jupiter.api.Test;

class BotFilterTest {

    @Test
    void gamePlatformAndWindowSelectBotsByTheirSessions() {
        Instant noon = Instant.parse("2026-11-21T12:00:00Z");

        assertThat(BotFilter.ALL.concernsSessions()).isFalse();
        assertThat(new BotFilter(null, "martingale", null, null, null, null, null, null).concernsSessions()).isFalse();
        assertThat(new BotFilter(null, null, "jetx", null, null, null, null, null).concernsSessions()).isTrue();
        assertThat(new BotFilter(null, null, null, null, null, noon, null, null).concernsSessions()).isTrue();
    }

    @Test
    void givenCriteriaFollowTheRulesOfWhatTheyName() {
        assertThat(new BotFilter(null, "nul\u0000", "Aviator", null, null, null, null, null).violations())
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("strategyName", "NO_NUL_CHARACTERS"), tuple("gameName", "LOWERCASE_CODE"));
    }
}
