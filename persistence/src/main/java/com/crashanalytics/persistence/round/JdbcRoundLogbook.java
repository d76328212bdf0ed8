package com.crashanalytics.persistence.round;

import static com.crashanalytics.persistence.round.RoundRows.KEYS_MATCH;
import static com.crashanalytics.persistence.round.RoundRows.KEY_COLUMNS;
import static com.crashanalytics.persistence.round.RoundRows.SELECT_ROUND;
import static com.crashanalytics.persistence.round.RoundRows.STORED_COLUMNS;
import static com.crashanalytics.persistence.round.RoundRows.mapStored;
import static com.crashanalytics.persistence.round.RoundRows.withKeys;
import static com.crashanalytics.persistence.round.SampleRows.SAMPLE_COLUMNS;
import static com.crashanalytics.persistence.round.SignalRows.PENDING_SIGNALS;
import static com.crashanalytics.persistence.round.SignalRows.SELECTED_SIGNAL_COLUMNS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.round.MultiplierSample;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.round.RoundKey;
import com.crashanalytics.domain.round.RoundLogbook;
import com.crashanalytics.domain.round.Signal;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.persistence.common.Batches;
import com.crashanalytics.persistence.common.Batches.Batch;
import com.crashanalytics.persistence.common.Parameters;
import com.crashanalytics.persistence.common.RowAuthors;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.diagnostics.OcrValidationRows;
import com.crashanalytics.persistence.session.SessionRows;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rounds in {@code crash_game_rounds} with their derived row in {@code analytics_round_outcomes}, samples in
 * {@code analytics_round_multipliers}, signals in {@code analytics_round_signals}, nested OCR reads in
 * {@code ocr_validation_logs}, and the running totals those rounds move in {@code session_logs}. A request's writes
 * are one JDBC batch per table, or for a small request (a round, its samples, its session) one multi-statement: one
 * round trip either way per table at most. Ids come from the domain, so no {@code RETURNING} stops the driver from
 * rewriting a batch into multi-row inserts. Reading before a write is one round trip too ({@link #lockAndLookUp}).
 *
 * <p>The rows and their statements are in {@link RoundRows}, {@link OutcomeRows}, {@link SampleRows},
 * {@link SignalRows} (and {@code SessionRows}, {@code OcrValidationRows}); this class holds the port's methods.
 *
 * <p><b>Triggers.</b> An insert into {@code crash_game_rounds} does more than insert: statement-level
 * {@code AFTER INSERT} triggers, in the same transaction, maintain
 * <ul>
 *   <li>{@code crash_game_round_keys} (changeset 0300, {@code tr_round_keys_insert}): the round's id, key and
 *       partition key, which the inserts of samples and signals of a round stored earlier look up
 *       ({@link RoundRows#ROUND_START}; a round written with them has its start bound, {@link RoundStarts}); rounds
 *       are inserted before their samples and signals, which reference them;</li>
 *   <li>{@code game_round_crashes} and, from it, {@code game_round_crash_counts} (changesets 0031 and 0440,
 *       {@code tr_rounds_game_round_crashes_insert}, then {@code tr_game_round_crash_counts_insert} or
 *       {@code _update}): one row per game round across bots, counted per day and crash multiplier; a new
 *       observation is folded into its game round's row (one upsert), not recounted;</li>
 *   <li>{@code round_totals_hourly} (changesets 0032 and 0510, {@code tr_rounds_totals_insert}): totals per bot,
 *       strategy, game, platform and hour, the crash multipliers read included;</li>
 *   <li>{@code equity_segments_hourly} and {@code round_streaks} (changeset 0070, {@code tr_rounds_equity_insert}):
 *       the equity curve's hourly segments and the sessions' WIN/LOSS runs.</li>
 * </ul>
 * Each has {@code AFTER UPDATE}, {@code DELETE} and {@code TRUNCATE} siblings (changeset 0200 recreated the delete
 * ones for retention); the update triggers still fire on the write path's restated quality flags
 * ({@link RoundRows#restatedFlags}) but find no row whose key, crash or money changed, so they write nothing. The
 * other tables written here have no triggers. A slow round insert is often a slow trigger: look there first.
 */
public class JdbcRoundLogbook implements RoundLogbook {

    /**
     * Three statements sent in one round trip: the server runs them in order, so the lookups take their snapshots
     * once the lock is granted and see what a transaction that held it committed. Parameters: the session ids, then
     * the keys' bots, sessions and numbers twice.
     *
     * <p>Which rounds are stored is asked of {@code crash_game_round_keys}, which holds every round's key under its
     * unique constraint (changeset 0300), not of the rounds' monthly partitions: one index of one table, planned in
     * a fraction of the time PostgreSQL takes to plan a join to every partition (which it did on every execution of
     * the array form). The stored rounds' fingerprints are then read for those keys alone ({@link #findStored}),
     * which only a retried or conflicting round has.
     */
    private static final String LOCK_AND_LOOK_UP = SqlTemplate.sql("""
            SELECT {sessionColumns} FROM session_logs WHERE session_id = ANY(?) ORDER BY session_id FOR UPDATE;
            SELECT {keyColumns} FROM crash_game_round_keys WHERE (bot_id, session_id, round_number) IN (
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS int[])));
            SELECT {signalColumns} FROM analytics_round_signals WHERE {pending} AND
            (bot_id, session_id, round_number) IN (SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]),
            CAST(? AS int[])))""")
            .with("sessionColumns", SessionRows.COLUMNS).with("keyColumns", KEY_COLUMNS)
            .with("signalColumns", SELECTED_SIGNAL_COLUMNS).with("pending", PENDING_SIGNALS).text();

    /**
     * The same for one round, the common case, with plain parameters: PostgreSQL plans the array form again on
     * every execution (its generic plan assumes ten keys and looks dearer than a fresh one), this one once per
     * connection. Parameters: the session id, then the round's bot, session and number twice.
     */
    private static final String LOCK_AND_LOOK_UP_ONE = SqlTemplate.sql("""
            SELECT {sessionColumns} FROM session_logs WHERE session_id = ? FOR UPDATE;
            SELECT {keyColumns} FROM crash_game_round_keys WHERE bot_id = ? AND session_id = ? AND round_number = ?;
            SELECT {signalColumns} FROM analytics_round_signals WHERE {pending} AND
            bot_id = ? AND session_id = ? AND round_number = ?""")
            .with("sessionColumns", SessionRows.COLUMNS).with("keyColumns", KEY_COLUMNS)
            .with("signalColumns", SELECTED_SIGNAL_COLUMNS).with("pending", PENDING_SIGNALS).text();

    private static final String STORED_BY_KEYS = SqlTemplate.sql("SELECT {columns} FROM crash_game_rounds WHERE {keys}")
            .with("columns", STORED_COLUMNS).with("keys", KEYS_MATCH).text();
    private static final String SIGNALS_BY_KEYS = SqlTemplate.sql("SELECT {columns} FROM analytics_round_signals WHERE {keys}")
            .with("columns", SELECTED_SIGNAL_COLUMNS).with("keys", KEYS_MATCH).text();

    /**
     * Sent first with a write's rows (no round trip of its own): the rest of the write's transaction runs on generic
     * plans, as reads do ({@code JdbcTransactions}). What it is for are the foreign-key checks PostgreSQL makes for
     * every sample, signal and outcome row against the round they belong to: the rounds are partitioned by month, so
     * PostgreSQL's own choice is a plan made afresh for each row (a generic plan over every partition looks dearer,
     * though it prunes to one partition when it runs). For a round logged alone, with 2 samples and a signal, that was
     * 4 plans and 0.62 ms of PostgreSQL's 5.2 ms ({@code pg_stat_statements}, 1 bot, 8 monthly partitions). The
     * rollups' recount functions, whose plans depend on how many keys they recount, keep PostgreSQL's choice
     * (changeset 0470).
     */
    static final String PLAN_GENERICALLY = "SET LOCAL plan_cache_mode = force_generic_plan";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Authorship authorship;

    public JdbcRoundLogbook(JdbcClient jdbc, JdbcTemplate batches, Authorship authorship) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.authorship = authorship;
    }

    @Override
    public Lookup lockAndLookUp(Collection<String> sessionIds, Collection<RoundKey> keys) {
        LockedAndFound found = batches.execute((Connection connection) -> {
            boolean one = sessionIds.size() == 1 && keys.size() == 1;
            try (PreparedStatement statement = connection.prepareStatement(one ? LOCK_AND_LOOK_UP_ONE : LOCK_AND_LOOK_UP)) {
                Parameters parameters = Parameters.of(statement);
                if (one) {
                    RoundKey key = keys.iterator().next();
                    parameters.text(sessionIds.iterator().next());
                    for (int lookup = 0; lookup < 2; lookup++) {
                        parameters.text(key.botId()).text(key.sessionId()).integer(key.roundNumber());
                    }
                } else {
                    List<String> bots = keys.stream().map(RoundKey::botId).toList();
                    List<String> sessions = keys.stream().map(RoundKey::sessionId).toList();
                    List<Integer> numbers = keys.stream().map(RoundKey::roundNumber).toList();
                    parameters.texts(sessionIds);
                    for (int lookup = 0; lookup < 2; lookup++) {
                        parameters.texts(bots).texts(sessions).integers(numbers);
                    }
                }
                statement.execute();
                List<Session> locked = rows(statement.getResultSet(), SessionRows::map);
                statement.getMoreResults();
                List<RoundKey> storedKeys = rows(statement.getResultSet(), RoundRows::mapKey);
                statement.getMoreResults();
                return new LockedAndFound(locked, storedKeys, rows(statement.getResultSet(), SignalRows::map));
            }
        });
        // In the same transaction, after the lock: a key's round was committed with it, so it is there to read.
        return new Lookup(found.lockedSessions(), findStored(found.storedKeys()), found.pendingSignals());
    }

    /** What the one round trip of {@link #lockAndLookUp} found: the stored rounds by their keys only. */
    private record LockedAndFound(List<Session> lockedSessions, List<RoundKey> storedKeys, List<Signal> pendingSignals) {
    }

    private static <T> List<T> rows(ResultSet resultSet, RowMapper<T> mapper) throws SQLException {
        try (resultSet) {
            List<T> rows = new ArrayList<>();
            while (resultSet.next()) {
                rows.add(mapper.mapRow(resultSet, rows.size()));
            }
            return rows;
        }
    }

    @Override
    public Map<RoundKey, StoredRound> findStored(Collection<RoundKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<RoundKey, StoredRound> stored = new HashMap<>();
        withKeys(jdbc.sql(STORED_BY_KEYS), keys)
                .query((RowCallbackHandler) rs -> {
                    Map.Entry<RoundKey, StoredRound> row = mapStored(rs, 0);
                    stored.put(row.getKey(), row.getValue());
                });
        return stored;
    }

    @Override
    public Optional<Round> findRound(UUID id) {
        return jdbc.sql(SqlTemplate.sql("{select} WHERE r.id = :id").with("select", SELECT_ROUND).text()).param("id", id).query(RoundRows::map).optional();
    }

    @Override
    public List<Round> findRounds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SqlTemplate.sql("{select} WHERE r.id = ANY(:ids)").with("select", SELECT_ROUND).text())
                .param("ids", ids.toArray(UUID[]::new))
                .query(RoundRows::map)
                .list();
    }

    @Override
    public List<Round> roundsOf(String sessionId) {
        return jdbc.sql(SqlTemplate.sql("{select} WHERE r.session_id = :sessionId ORDER BY r.round_number")
                        .with("select", SELECT_ROUND).text())
                .param("sessionId", sessionId)
                .query(RoundRows::map)
                .list();
    }

    @Override
    public List<Signal> signalsOf(Collection<RoundKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return withKeys(jdbc.sql(SIGNALS_BY_KEYS), keys)
                .query(SignalRows::map)
                .list();
    }

    @Override
    public Optional<MultiplierSample> findSample(UUID roundId, int sampleIndex) {
        return jdbc.sql(SqlTemplate.sql("""
                        SELECT {columns}
                        FROM analytics_round_multipliers WHERE round_id = :roundId AND sample_index = :sampleIndex""")
                        .with("columns", SAMPLE_COLUMNS).text())
                .param("roundId", roundId)
                .param("sampleIndex", sampleIndex)
                .query(SampleRows::map)
                .optional();
    }

    @Override
    public void append(RoundRecords records) {
        @Nullable UUID current = authorship.currentKeyId().orElse(null);
        RowAuthors writtenBy = roundId -> {
            Optional<UUID> author = roundId == null ? null : records.authors().get(roundId);
            return author == null ? current : author.orElse(null);
        };
        RoundStarts starts = RoundStarts.of(records.rounds());
        List<Batch<?>> writes = new ArrayList<>();
        writes.add(Batches.once(PLAN_GENERICALLY));
        writes.add(RoundRows.inserts(records.rounds(), writtenBy));
        writes.add(OutcomeRows.inserts(records.rounds(), writtenBy));
        writes.addAll(SampleRows.inserts(records.samples(), writtenBy, starts));
        writes.addAll(SignalRows.inserts(records.newSignals(), writtenBy, starts));
        writes.add(SignalRows.resolutions(records.resolvedSignals()));
        writes.add(OcrValidationRows.batch(records.ocrValidations(), writtenBy));
        writes.add(RoundRows.restatedFlags(records.restatedRounds()));
        writes.add(OutcomeRows.restated(records.restatedRounds()));
        writes.add(Batches.of(SessionRows.UPDATE, records.countedSessions(), SessionRows::fillUpdate));
        Batches.runTogether(batches, writes);
    }

}
