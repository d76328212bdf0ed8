package com.crashanalytics.persistence.round;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.SortOrder;
import com.crashanalytics.domain.round.LoggedRoundKey;
import com.crashanalytics.domain.round.MultiplierSample;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.round.RoundAnalytics;
import com.crashanalytics.domain.round.RoundFilter;
import com.crashanalytics.domain.round.RoundKey;
import com.crashanalytics.domain.round.RoundReadModel;
import com.crashanalytics.domain.round.RoundReadModel.Reading;
import com.crashanalytics.domain.round.RoundReadModel.SignalDetail;
import com.crashanalytics.domain.round.RoundReadModel.SignalReading;
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
    private static final KeysetSql<Round> BY_START_SQL = listOf(BY_START, Reading.EVERYTHING);

    /**
     * How many list statements are kept once made: a dashboard sends the same few documents again and again, so a handful
     * are in use. A client making up ever new selections only makes them again (a string built, a statement prepared
     * by the driver, whose own cache per connection is bounded); its answers are the same.
     */
    private static final int MOST_KEPT = 256;

    /**
     * The samples and the signals of logged rounds, each found in its round's month: a sample or signal of a logged
     * round references it by (round_id, round_start_timestamp), ON UPDATE CASCADE, its partition key (a pending signal
     * takes it when its round is logged), so PostgreSQL probes one monthly partition per round instead of every month's.
     */
    private static final String SAMPLES_OF_LOGGED_ROUNDS = SqlTemplate.sql("""
            SELECT {columns} FROM analytics_round_multipliers WHERE {loggedRounds}
            ORDER BY round_id, sample_index""")
            .with("columns", SampleRows.SAMPLE_COLUMNS).with("loggedRounds", RoundRows.LOGGED_ROUNDS_MATCH).text();
    /** The signals of logged rounds, with the columns of a reading, as the samples are found. */
    private static String signalsOfLoggedRounds(SignalReading reading) {
        return SqlTemplate.sql("""
                SELECT {columns} FROM analytics_round_signals WHERE {loggedRounds}
                ORDER BY "timestamp", id""")
                .with("columns", SignalRows.selectedColumns(reading))
                .with("loggedRounds", RoundRows.LOGGED_ROUNDS_MATCH).text();
    }

    /** The analytics rows of logged rounds, by (round_id, "timestamp"): one month's partition per round, as above. */
    private static final String ANALYTICS_OF_LOGGED_ROUNDS = SqlTemplate.sql("""
            SELECT o.round_id, {columns} FROM analytics_round_outcomes o WHERE {loggedRounds}""")
            .with("columns", RoundRows.READ_ANALYTICS_COLUMNS)
            .with("loggedRounds", RoundRows.loggedRoundsMatch("\"timestamp\"")).text();

    private final JdbcClient jdbc;

    public JdbcRoundReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The signals' statement per reading, made when first needed: a set of the few {@link SignalDetail}s, so there
     * are at most as many as the sets of them documents ask for.
     */
    private final Map<SignalReading, String> signalStatements = new ConcurrentHashMap<>();

    /** A list statement per order and reading, made when first needed: see {@link #MOST_KEPT}. */
    private final Map<ListReading, KeysetSql<Round>> lists = new ConcurrentHashMap<>();

    private record ListReading(SortOrder order, Reading reading) {
    }

    @Override
    public Page<Round> rounds(ListQuery<RoundFilter> query, Reading reading) {
        return list(BY_START, reading).page(jdbc, where(query.filter()), query.page());
    }

    @Override
    public Map<String, Page<Round>> roundsOfBots(Collection<String> botIds, ListQuery<RoundFilter> query,
                                                 Reading reading) {
        return list(BY_START, reading).pagesOf(jdbc, "r.bot_id", botIds, Round::botId, where(query.filter()),
                query.page());
    }

    @Override
    public Map<String, Page<Round>> roundsOfSessions(Collection<String> sessionIds, ListQuery<RoundFilter> query,
                                                     Reading reading) {
        return list(BY_NUMBER, reading).pagesOf(jdbc, "r.session_id", sessionIds, Round::sessionId,
                where(query.filter()), query.page());
    }

    private KeysetSql<Round> list(SortOrder order, Reading reading) {
        ListReading list = new ListReading(order, reading);
        KeysetSql<Round> known = lists.get(list);
        if (known != null) {
            return known;
        }
        if (lists.size() >= MOST_KEPT) {
            lists.clear();
        }
        return lists.computeIfAbsent(list, made -> listOf(made.order(), made.reading()));
    }

    /**
     * The list in this order with what the reading asks: its analytics joined only when included (no probe of an
     * analytics partition per round and eleven columns fewer: a page of 100 rounds of a bot, pgbench, one client, a
     * benchmark database of 30,224 rounds, 1.4-1.6 ms with them, 0.46-0.56 ms without), the details left out selected
     * as NULLs.
     */
    private static KeysetSql<Round> listOf(SortOrder order, Reading reading) {
        boolean withAnalytics = reading.analytics() == Analytics.INCLUDED;
        return new KeysetSql<>(RoundRows.readColumns(reading), TABLE, withAnalytics ? RoundRows.OUTCOME_JOIN : "",
                order, order.equals(BY_START) ? BY_START_KEY : BY_NUMBER_KEY,
                withAnalytics ? RoundRows::map : RoundRows::mapWithoutAnalytics);
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
    public Map<LoggedRoundKey, List<Signal>> signalsOf(Collection<LoggedRoundKey> rounds, SignalReading reading) {
        String statement = signalStatements.computeIfAbsent(reading, JdbcRoundReadModel::signalsOfLoggedRounds);
        return rowsOf(rounds, statement, SignalRows::map, Signal::roundId);
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
