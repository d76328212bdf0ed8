package com.crashanalytics.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.common.paging.SortDirection;
import com.crashanalytics.domain.session.SessionStatus;
import org.junit.jupiter.api.Test;

/** The SQL text and the bound parameters each condition of {@link SqlConditions} makes. */
class SqlConditionsTest {

    private static final Instant NINE = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant NINE_THIRTY = Instant.parse("2026-03-01T09:30:00Z");
    private static final Instant ELEVEN_FIFTEEN = Instant.parse("2026-03-01T11:15:00Z");

    @Test
    void withoutConditionsEveryRowMatches() {
        SqlConditions none = new SqlConditions();

        assertThat(none.sql()).isEqualTo("TRUE");
        assertThat(none.parameters()).isEmpty();
    }

    @Test
    void aFilterWithoutAValueAddsNothing() {
        SqlConditions where = new SqlConditions()
                .equal("s.bot_id", "botId", null)
                .anyOf("s.bot_id", "botIds", null)
                .notBefore("s.start_time", "from", null)
                .before("s.start_time", "to", null)
                .window("s.start_time", "window", TimeWindow.ALL)
                .tradeTypes(TradeTypeFilter.ANY);

        assertThat(where.sql()).isEqualTo("TRUE");
        assertThat(where.parameters()).isEmpty();
    }

    @Test
    void givenFiltersAreJoinedWithAndInTheOrderAdded() {
        SqlConditions where = new SqlConditions()
                .equal("s.bot_id", "botId", "bot-1")
                .equal("s.status", "status", SessionStatus.ACTIVE)
                .anyOf("s.strategy_name", "strategies", List.of("compound", "martingale"))
                .notBefore("s.start_time", "from", NINE)
                .before("s.start_time", "to", ELEVEN_FIFTEEN);

        assertThat(where.sql()).isEqualTo("s.bot_id = :botId AND s.status = :status"
                + " AND s.strategy_name = ANY(CAST(:strategies AS text[]))"
                + " AND s.start_time >= :from AND s.start_time < :to");
        assertThat(where.parameters()).containsExactly(entry("botId", "bot-1"), entry("status", "ACTIVE"),
                entry("strategies", new String[] {"compound", "martingale"}),
                entry("from", OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC)),
                entry("to", OffsetDateTime.of(2026, 3, 1, 11, 15, 0, 0, ZoneOffset.UTC)));
    }

    @Test
    void anEmptyListMatchesNothingRatherThanBeingLeftOut() {
        SqlConditions where = new SqlConditions().anyOf("b.bot_id", "botIds", List.of());

        assertThat(where.sql()).isEqualTo("b.bot_id = ANY(CAST(:botIds AS text[]))");
        assertThat(where.parameters()).containsExactly(entry("botIds", new String[0]));
    }

    @Test
    void aWindowBindsItsEndsAfterThePrefix() {
        SqlConditions where = new SqlConditions().window("\"timestamp\"", "window", new TimeWindow(NINE, null));

        assertThat(where.sql()).isEqualTo("\"timestamp\" >= :windowFrom");
        assertThat(where.parameters()).containsOnlyKeys("windowFrom");
    }

    @Test
    void oneTradeTypeIsASemiJoinOnTheBots() {
        SqlConditions where = new SqlConditions().tradeTypes(TradeTypeFilter.PAPER);

        assertThat(where.sql())
                .isEqualTo("bot_id IN (SELECT tt.bot_id FROM bot_vm_registration tt WHERE tt.trade_type = :tradeType)");
        assertThat(where.parameters()).containsExactly(entry("tradeType", "PAPER"));
    }

    @Test
    void aCurrencyKeepsThePlatformsConfiguredInIt() {
        SqlConditions where = new SqlConditions().platformCurrency(null).platformCurrency("EUR");

        assertThat(where.sql()).isEqualTo("(game_name, platform_code) IN (SELECT game_name, platform_code"
                + " FROM game_platform_config WHERE currency = :currency)");
        assertThat(where.parameters()).containsExactly(entry("currency", "EUR"));
    }

    @Test
    void freeConditionsCarryTheirNamedParameters() {
        SqlConditions where = new SqlConditions()
                .condition("s.signal_correctness IS NOT NULL")
                .condition("r.data_quality_flags @> ARRAY[CAST(:flag AS text)]", Map.of("flag", "OCR_SUSPECT"))
                .parameter("limit", 10);

        assertThat(where.sql())
                .isEqualTo("s.signal_correctness IS NOT NULL AND r.data_quality_flags @> ARRAY[CAST(:flag AS text)]");
        assertThat(where.parameters()).containsExactly(entry("flag", "OCR_SUSPECT"), entry("limit", 10));
    }

    @Test
    void aParameterBoundTwiceMustKeepItsValue() {
        SqlConditions where = new SqlConditions().equal("game_name", "game", "aviator").parameter("game", "aviator");

        assertThat(where.parameters()).containsExactly(entry("game", "aviator"));
        assertThatThrownBy(() -> where.parameter("game", "jetx"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(":game");
    }

    @Test
    void afterAKeyOfOneColumnIsAPlainComparison() {
        SqlConditions where = new SqlConditions().after(List.of("c.id"), SortDirection.DESC, List.of(42L));

        assertThat(where.sql()).isEqualTo("c.id < :after_1");
        assertThat(where.parameters()).containsExactly(entry("after_1", 42L));
    }

    @Test
    void afterAKeyOfSeveralColumnsIsARowComparisonWithTimesBoundAsTimestamptz() {
        SqlConditions where = new SqlConditions().equal("s.bot_id", "botId", "bot-1")
                .after(List.of("s.start_time", "s.id"), SortDirection.ASC, List.of(NINE, 7L));

        assertThat(where.sql()).isEqualTo("s.bot_id = :botId AND (s.start_time, s.id) > (:after_1, :after_2)");
        assertThat(where.parameters()).containsExactly(entry("botId", "bot-1"),
                entry("after_1", OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC)), entry("after_2", 7L));
    }

    @Test
    void aCopyWithAFirstConditionLeavesTheOriginalAsItWas() {
        SqlConditions where = new SqlConditions().equal("s.status", "status", "ACTIVE");

        SqlConditions perParent = where.copyWithFirst("s.bot_id = parent.parent_key");
        perParent.parameter("fetchSize", 11);

        assertThat(perParent.sql()).isEqualTo("s.bot_id = parent.parent_key AND s.status = :status");
        assertThat(where.sql()).isEqualTo("s.status = :status");
        assertThat(where.parameters()).containsOnlyKeys("status");
    }

    @Test
    void aWindowOverSeveralHoursReadsTheWholeHoursFromTheRollupAndTheEdgesFromTheRounds() {
        SqlConditions where = new SqlConditions().equal("bot_id", "botId", "bot-1");

        List<String> parts = where.wholeHoursAndEdges(new TimeWindow(NINE_THIRTY, ELEVEN_FIFTEEN),
                hours -> "HOURS WHERE " + hours, rounds -> "ROUNDS WHERE " + rounds);

        assertThat(parts).containsExactly(
                "HOURS WHERE bot_id = :botId AND hour >= :firstWholeHour AND hour < :endOfWholeHours",
                "ROUNDS WHERE bot_id = :botId AND round_start_timestamp >= :headFrom AND round_start_timestamp < :headTo",
                "ROUNDS WHERE bot_id = :botId AND round_start_timestamp >= :tailFrom AND round_start_timestamp < :tailTo");
        assertThat(where.parameters()).containsExactly(entry("botId", "bot-1"),
                entry("firstWholeHour", utc("2026-03-01T10:00:00Z")),
                entry("headFrom", utc("2026-03-01T09:30:00Z")), entry("headTo", utc("2026-03-01T10:00:00Z")),
                entry("endOfWholeHours", utc("2026-03-01T11:00:00Z")),
                entry("tailFrom", utc("2026-03-01T11:00:00Z")), entry("tailTo", utc("2026-03-01T11:15:00Z")));
    }

    @Test
    void aWindowOnWholeHoursHasNoEdges() {
        SqlConditions where = new SqlConditions();

        List<String> parts = where.wholeHoursAndEdges(new TimeWindow(NINE, Instant.parse("2026-03-01T11:00:00Z")),
                hours -> "HOURS WHERE " + hours, rounds -> "ROUNDS WHERE " + rounds);

        assertThat(parts).containsExactly("HOURS WHERE TRUE AND hour >= :firstWholeHour AND hour < :endOfWholeHours");
        assertThat(where.parameters()).containsOnlyKeys("firstWholeHour", "endOfWholeHours");
    }

    @Test
    void aWindowInsideOneHourIsReadFromTheRoundsAlone() {
        SqlConditions where = new SqlConditions();

        List<String> parts = where.wholeHoursAndEdges(new TimeWindow(NINE, NINE_THIRTY),
                hours -> "HOURS WHERE " + hours, rounds -> "ROUNDS WHERE " + rounds);

        assertThat(parts).containsExactly(
                "ROUNDS WHERE TRUE AND round_start_timestamp >= :insideFrom AND round_start_timestamp < :insideTo");
        assertThat(where.parameters()).containsExactly(entry("insideFrom", utc("2026-03-01T09:00:00Z")),
                entry("insideTo", utc("2026-03-01T09:30:00Z")));
    }

    @Test
    void anOpenEndedWindowReadsEverythingBeforeItsEndFromTheRollup() {
        SqlConditions where = new SqlConditions();

        List<String> parts = where.wholeHoursAndEdges(new TimeWindow(null, NINE_THIRTY),
                hours -> "HOURS WHERE " + hours, rounds -> "ROUNDS WHERE " + rounds);

        assertThat(parts).containsExactly("HOURS WHERE TRUE AND hour < :endOfWholeHours",
                "ROUNDS WHERE TRUE AND round_start_timestamp >= :tailFrom AND round_start_timestamp < :tailTo");
        assertThat(where.parameters()).containsExactly(entry("endOfWholeHours", utc("2026-03-01T09:00:00Z")),
                entry("tailFrom", utc("2026-03-01T09:00:00Z")), entry("tailTo", utc("2026-03-01T09:30:00Z")));
    }

    @Test
    void aWindowOverSeveralDaysBindsTheWholeDaysAsDates() {
        SqlConditions where = new SqlConditions();

        List<String> parts = where.wholeDaysAndEdges(
                new TimeWindow(Instant.parse("2026-03-01T18:00:00Z"), Instant.parse("2026-03-04T00:00:00Z")),
                days -> "DAYS WHERE " + days, rounds -> "ROUNDS WHERE " + rounds);

        assertThat(parts).containsExactly("DAYS WHERE TRUE AND day >= :firstWholeDay AND day < :endOfWholeDays",
                "ROUNDS WHERE TRUE AND round_start_timestamp >= :headFrom AND round_start_timestamp < :headTo");
        assertThat(where.parameters()).containsExactly(entry("firstWholeDay", LocalDate.of(2026, 3, 2)),
                entry("headFrom", utc("2026-03-01T18:00:00Z")), entry("headTo", utc("2026-03-02T00:00:00Z")),
                entry("endOfWholeDays", LocalDate.of(2026, 3, 4)));
    }

    private static OffsetDateTime utc(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }
}
