package com.crashanalytics.persistence.round;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.round.LoggedRoundKey;
import com.crashanalytics.domain.round.MultiplierSample;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.round.RoundAnalytics;
import com.crashanalytics.domain.round.RoundFilter;
import com.crashanalytics.domain.round.RoundKey;
import com.crashanalytics.domain.round.RoundReadModel;
import com.crashanalytics.domain.round.Signal;
import com.crashanalytics.persistence.common.KeysetSql;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rounds for dashboards: pages of {@code crash_game_rounds} (with their analytics row) by start time, or a session's
 * by round number, and the samples and signals of many rounds at once. Each list's order has its index: see
 * changeset 0009 and 0040.
 */
public class JdbcRoundReadModel implements RoundReadModel {

    private static final String TABLE = "crash_game_rounds r";

    private static final List<String> BY_START_KEY = List.of("r.round_start_timestamp", "r.id");
    private static final List<String> BY_NUMBER_KEY = List.of("r.round_number");
    private static final KeysetSql<Round> BY_START_SQL = new KeysetSql<>(RoundRows.READ_COLUMNS, TABLE,
            RoundRows.OUTCOME_JOIN, BY_START, BY_START_KEY, RoundRows::map);
    private static final KeysetSql<Round> BY_NUMBER_SQL = new KeysetSql<>(RoundRows.READ_COLUMNS, TABLE,
            RoundRows.OUTCOME_JOIN, BY_NUMBER, BY_NUMBER_KEY, RoundRows::map);
    /**
     * The same lists without the analytics: no probe of an analytics partition per round and eleven columns fewer
     * to send. A page of 100 rounds of a bot (pgbench, one client, a benchmark database of 30,224 rounds): 1.4-1.6 ms
     * with the analytics, 0.46-0.56 ms without.
     */
    private static final KeysetSql<Round> BY_START_WITHOUT_ANALYTICS = new KeysetSql<>(RoundRows.READ_ROUND_COLUMNS,
            TABLE, "", BY_START, BY_START_KEY, RoundRows::mapWithoutAnalytics);
    private static final KeysetSql<Round> BY_NUMBER_WITHOUT_ANALYTICS = new KeysetSql<>(RoundRows.READ_ROUND_COLUMNS,
            TABLE, "", BY_NUMBER, BY_NUMBER_KEY, RoundRows::mapWithoutAnalytics);

    /**
     * The samples and the signals of logged rounds, each found in its round's month: a sample or signal of a logged
     * round references it by (round_id, round_start_timestamp), ON UPDATE CASCADE, its partition key (a pending signal
     * takes it when its round is logged), so PostgreSQL probes one monthly partition per round instead of every month's.
     */
    private static final String SAMPLES_OF_LOGGED_ROUNDS = SqlTemplate.sql("""
            SELECT {columns} FROM analytics_round_multipliers WHERE {loggedRounds}
            ORDER BY round_id, sample_index""")
            .with("columns", SampleRows.SAMPLE_COLUMNS).with("loggedRounds", RoundRows.LOGGED_ROUNDS_MATCH).text();
    private static final String SIGNALS_OF_LOGGED_ROUNDS = SqlTemplate.sql("""
            SELECT {columns} FROM analytics_round_signals WHERE {loggedRounds}
            ORDER BY "timestamp", id""")
            .with("columns", SignalRows.SELECTED_SIGNAL_COLUMNS).with("loggedRounds", RoundRows.LOGGED_ROUNDS_MATCH)
            .text();

    /** The analytics rows of logged rounds, by (round_id, "timestamp"): one month's partition per round, as above. */
    private static final String ANALYTICS_OF_LOGGED_ROUNDS = SqlTemplate.sql("""
            SELECT o.round_id, {columns} FROM analytics_round_outcomes o WHERE {loggedRounds}""")
            .with("columns", RoundRows.READ_ANALYTICS_COLUMNS)
            .with("loggedRounds", RoundRows.loggedRoundsMatch("\"timestamp\"")).text();

    private final JdbcClient jdbc;

    public JdbcRoundReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<Round> rounds(ListQuery<RoundFilter> query, Analytics analytics) {
        return byStart(analytics).page(jdbc, where(query.filter()), query.page());
    }

    @Override
    public Map<String, Page<Round>> roundsOfBots(Collection<String> botIds, ListQuery<RoundFilter> query,
                                                 Analytics analytics) {
        return byStart(analytics).pagesOf(jdbc, "r.bot_id", botIds, Round::botId, where(query.filter()),
                query.page());
    }

    @Override
    public Map<String, Page<Round>> roundsOfSessions(Collection<String> sessionIds, ListQuery<RoundFilter> query,
                                                     Analytics analytics) {
        return byNumber(analytics).pagesOf(jdbc, "r.session_id", sessionIds, Round::sessionId, where(query.filter()),
                query.page());
    }

    private static KeysetSql<Round> byStart(Analytics analytics) {
        return analytics == Analytics.INCLUDED ? BY_START_SQL : BY_START_WITHOUT_ANALYTICS;
    }

    private static KeysetSql<Round> byNumber(Analytics analytics) {
        return analytics == Analytics.INCLUDED ? BY_NUMBER_SQL : BY_NUMBER_WITHOUT_ANALYTICS;
    }

    @Override
    public long count(RoundFilter filter) {
        return BY_START_SQL.count(jdbc, where(filter));
    }

    @Override
    public Map<String, Long> countRoundsOfBots(Collection<String> botIds, RoundFilter filter) {
        return BY_START_SQL.countsOf(jdbc, "r.bot_id", botIds, where(filter));
    }

    @Override
    public Map<String, Long> countRoundsOfSessions(Collection<String> sessionIds, RoundFilter filter) {
        return BY_START_SQL.countsOf(jdbc, "r.session_id", sessionIds, where(filter));
    }

    @Override
    public List<Round> findAll(Collection<RoundKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        // Prefixed: the outcome row has bot, session and round number columns too.
        String sql = SqlTemplate.sql("""
                {select} WHERE (r.bot_id, r.session_id, r.round_number) IN (SELECT * FROM unnest(
                CAST(:bots AS text[]), CAST(:sessions AS text[]), CAST(:numbers AS int[])))""")
                .with("select", RoundRows.SELECT_ROUND).text();
        return RoundRows.withKeys(jdbc.sql(sql), keys)
                .query(RoundRows::map)
                .list();
    }

    @Override
    public List<Round> findAllById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SqlTemplate.sql("{select} WHERE r.id = ANY(:ids)").with("select", RoundRows.SELECT_ROUND).text())
                .param("ids", ids.toArray(UUID[]::new))
                .query(RoundRows::map)
                .list();
    }

    @Override
    public Map<LoggedRoundKey, List<MultiplierSample>> samplesOf(Collection<LoggedRoundKey> rounds) {
        return rowsOf(rounds, SAMPLES_OF_LOGGED_ROUNDS, SampleRows::map, MultiplierSample::roundId);
    }

    @Override
    public Map<LoggedRoundKey, List<Signal>> signalsOf(Collection<LoggedRoundKey> rounds) {
        return rowsOf(rounds, SIGNALS_OF_LOGGED_ROUNDS, SignalRows::map, Signal::roundId);
    }

    @Override
    public Map<LoggedRoundKey, RoundAnalytics> analyticsOf(Collection<LoggedRoundKey> rounds) {
        RowMapper<Map.Entry<UUID, RoundAnalytics>> byRoundId =
                (rs, row) -> Map.entry(rs.getObject("round_id", UUID.class), RoundRows.analytics(rs));
        Map<LoggedRoundKey, RoundAnalytics> analytics = new HashMap<>();
        // at most one row a round: (round_id, "timestamp") is the analytics rows' unique key
        rowsOf(rounds, ANALYTICS_OF_LOGGED_ROUNDS, byRoundId, Map.Entry::getKey)
                .forEach((round, found) -> found.forEach(row -> analytics.put(round, row.getValue())));
        return analytics;
    }

    /** The rows one statement finds for logged rounds, in its order, by round (an empty list for a round without). */
    private <T> Map<LoggedRoundKey, List<T>> rowsOf(Collection<LoggedRoundKey> rounds, String sql, RowMapper<T> mapper,
                                                     Function<T, UUID> roundOf) {
        Map<LoggedRoundKey, List<T>> rows = new LinkedHashMap<>();
        Map<UUID, List<T>> byRoundId = new HashMap<>();
        rounds.forEach(round -> byRoundId.put(round.roundId(), rows.computeIfAbsent(round, none -> new ArrayList<>())));
        if (!rounds.isEmpty()) {
            RoundRows.withLoggedRounds(jdbc.sql(sql), rounds)
                    .query(mapper)
                    .list()
                    .forEach(row -> byRoundId.get(roundOf.apply(row)).add(row));
        }
        return rows;
    }

    /** The filter as conditions on {@code crash_game_rounds}; each column it names leads an index with the order's key. */
    private static SqlConditions where(RoundFilter filter) {
        SqlConditions where = new SqlConditions()
                .equal("r.bot_id", "botId", filter.botId())
                .anyOf("r.bot_id", "botIds", filter.botIds())
                .equal("r.session_id", "sessionId", filter.sessionId())
                .equal("r.game_name", "gameName", filter.gameName())
                .equal("r.platform_code", "platformCode", filter.platformCode())
                .equal("r.strategy_name", "strategyName", filter.strategyName())
                .equal("r.round_outcome", "roundOutcome", filter.roundOutcome())
                .notBefore("r.round_start_timestamp", "from", filter.from())
                .before("r.round_start_timestamp", "to", filter.to());
        if (filter.dataQualityFlag() != null) {
            // Flagged rounds are few: the first condition matches the partial index of changeset 0040.
            where.condition("cardinality(r.data_quality_flags) > 0 AND r.data_quality_flags @> ARRAY[CAST(:flag AS text)]",
                    Map.of("flag", filter.dataQualityFlag().name()));
        }
        return where;
    }
}
