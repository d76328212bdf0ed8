package com.crashanalytics.domain.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.SortDirection;
import org.junit.jupiter.api.Test;

class RoundFilterTest {

    static final Instant NOON = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void everyCriterionIsOptional() {
        assertThat(RoundFilter.ALL.violations()).isEmpty();
        assertThat(new RoundFilter("bot_1", java.util.List.of("bot_1", "bot_2"), "session_1", "aviator", "dafabet", "martingale", RoundOutcome.WIN,
                DataQualityFlag.BALANCE_MISMATCH, NOON, NOON.plusSeconds(1)).violations()).isEmpty();
    }

    @Test
    void givenCriteriaFollowTheRulesOfWhatTheyName() {
        RoundFilter filter = new RoundFilter(" bot", null, "", "Aviator", "dafa bet", "x".repeat(101), null, null,
                NOON, NOON);

        assertThat(filter.violations()).extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                tuple("botId", "NO_SURROUNDING_WHITESPACE"),
                tuple("sessionId", "REQUIRED"),
                tuple("gameName", "LOWERCASE_CODE"),
                tuple("platformCode", "LOWERCASE_CODE"),
                tuple("strategyName", "MAX_LENGTH"),
                tuple("to", "AFTER_FROM"));
    }

    @Test
    void aFilterNarrowedToTheBotsACallerMaySeeKeepsOnlyThose() {
        RoundFilter none = RoundFilter.ALL.within(List.of("bot_1", "bot_2"));
        RoundFilter some = new RoundFilter(null, List.of("bot_2", "bot_3"), null, null, null, null, null, null, null, null)
                .within(List.of("bot_1", "bot_2"));

        assertThat(none.botIds()).as("named none: every visible bot").containsExactly("bot_1", "bot_2");
        assertThat(some.botIds()).as("named some: the visible ones among them").containsExactly("bot_2");
        assertThat(new RoundFilter(null, List.of("bot_3"), null, null, null, null, null, null, null, null)
                .within(List.of("bot_1")).botIds()).as("none visible: matches nothing").isEmpty();
    }

    @Test
    void botIdsAreCheckedOneByOne() {
        RoundFilter filter = new RoundFilter(null, List.of("bot_1", " bot_2", ""), null, null, null, null, null, null,
                null, null);

        assertThat(filter.violations()).extracting(Violation::field, Violation::rule).containsExactly(
                tuple("botIds[1]", "NO_SURROUNDING_WHITESPACE"), tuple("botIds[2]", "REQUIRED"));
        assertThat(new RoundFilter(null, java.util.Collections.nCopies(1001, "bot_1"), null, null, null, null, null,
                null, null, null).violations()).extracting(Violation::rule).containsExactly("MAX_ITEMS");
    }

    @Test
    void aListQueryReportsTheFilterAndThePageAtOnce() {
        RoundFilter filter = new RoundFilter(null, null, null, "JETX", null, null, null, null, NOON, NOON.minusSeconds(1));

        assertThatThrownBy(() -> ListQuery.of(filter, RoundReadModel.BY_START, 1000, "garbage", SortDirection.ASC))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("filter.gameName", "LOWERCASE_CODE"), tuple("filter.to", "AFTER_FROM"),
                                tuple("first", "MAX_PAGE_SIZE"), tuple("after", "VALID_CURSOR")));
    }
}
