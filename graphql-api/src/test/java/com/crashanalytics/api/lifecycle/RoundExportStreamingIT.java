package com.crashanalytics.api.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The export streams: its first rows arrive while the database is still reading the rest (the export's query is
 * still open in pg_stat_activity once the first line is in), and the whole download is counted line by line without
 * being kept. {@code -Dexport.rows=1000000} makes it the measurement the README reports (rows/s and peak heap, printed,
 * never asserted); the suite runs it on 100,000 rows, far more than every buffer on the way holds.
 */
@GatewayIntegrationTest
class RoundExportStreamingIT {

    static final int ROWS = Integer.getInteger("export.rows", 100_000);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstRowsArriveBeforeTheQueryHasReadTheLastAndNothingIsHeldWhole() throws IOException {
        new WritePath(new GraphQlClient(port), jdbc).activeSession();
        // One sample per round, so the per-round subqueries do real work.
        jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                    round_start_timestamp, stake_value, strategy_name, crash_multiplier_detected, profit_loss_amount,
                    round_outcome, content_fingerprint)
                SELECT 'aviator_bot_001', 'session_20261121_001', 'aviator', 'dafabet', n,
                       timestamptz '2026-11-21T00:00:00Z' + n * interval '10 seconds', 1, 'compound',
                       1 + (n % 500) / 100.0, -1, 'LOSS', md5(n::text)
                FROM generate_series(1, ?) AS n
                """, ROWS);
        jdbc.update("""
                INSERT INTO analytics_round_multipliers (round_id, round_start_timestamp, sample_index, bot_id,
                    session_id, game_name, platform_code, multiplier, "timestamp", date_bucket)
                SELECT id, round_start_timestamp, 0, bot_id, session_id, game_name, platform_code, crash_multiplier_detected,
                       round_start_timestamp, round_start_timestamp::date
                FROM crash_game_rounds
                """);
        jdbc.execute("ANALYZE crash_game_rounds");
        jdbc.execute("ANALYZE analytics_round_multipliers");
        MemoryPoolMXBean[] heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toArray(MemoryPoolMXBean[]::new);
        System.gc();
        for (MemoryPoolMXBean pool : heap) {
            pool.resetPeakUsage();
        }
        long started = System.nanoTime();

        HttpResponse<InputStream> export = new Downloads(port).open("/exports/rounds.ndjson");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(export.headers().firstValue("Content-Length")).isEmpty();
        long lines = 0;
        long bytes = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            assertThat(first).startsWith("{\"round_id\"").contains("\"round_number\":1,");
            lines++;
            assertThat(exportsStillReading()).as("the export's query is still open after its first row arrived")
                    .isEqualTo(1);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                bytes += line.length() + 1;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : heap) {
            peakHeap += pool.getPeakUsage().getUsed();
        }

        assertThat(lines).isEqualTo(ROWS);
        assertThat(exportsStillReading()).as("done: the transaction is over").isZero();
        System.out.printf("Export of %,d rounds as NDJSON: %.1f s, %,.0f rows/s, %,d MB, peak heap of the JVM %,d MB%n",
                ROWS, seconds, ROWS / seconds, bytes >> 20, peakHeap >> 20);
    }

    /** Sessions other than this one running the export's statement (active, or between two fetches of its cursor). */
    private int exportsStillReading() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')
                  AND query LIKE 'SELECT row_to_json(x)::text FROM (SELECT r.id AS round_id%'
                """, Integer.class);
    }
}
