package com.crashanalytics.persistence.replica;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.crashanalytics.persistence.common.ReadRouting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL hot standby that reads which may lag (dashboards') are sent to, and what is known of it: whether it
 * answers, how far it is behind, how many reads it took and how many went to the primary instead.
 *
 * <p>Routing: {@link #mayLag} marks the thread's next new connection, the one the read's transaction begins on, and
 * {@link ReplicaRoutingDataSource} hands that one out from the standby. Every other connection (writes, a bot's
 * reads, Liquibase, locks, LISTEN) is the primary's, so nothing that must see the latest data can land here.
 *
 * <p>Falling back: a read finds the standby unavailable when it cannot connect (it then marks it so) or when the last
 * {@link #check} found it away or more than {@code maxLag} behind; the read then goes to the primary, is counted as
 * a fallback, and the change is logged once. The check, every {@code checkInterval}, is also what brings reads back
 * once the standby answers and has caught up: no read pays for looking.
 */
public final class ReadReplica implements ReadRouting, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);

    /**
     * The standby's lag in seconds: how old the newest transaction it applied is, while it has received WAL it has not
     * applied yet; 0 once it applied everything it received (otherwise an idle primary would look like a growing lag);
     * 0 on a server that is not in recovery (a promoted standby is no longer behind anyone).
     */
    static final String LAG_SECONDS = """
            SELECT CASE
                WHEN NOT pg_is_in_recovery() THEN 0
                WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())
            END""";

    private final DataSource standby;
    private final Duration checkInterval;
    private final Duration maxLag;
    private final ThreadLocal<Boolean> nextConnectionMayLag = new ThreadLocal<>();
    private final AtomicBoolean readable = new AtomicBoolean(true);
    private final LongAdder reads = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private volatile double lagSeconds = Double.NaN;

    /**
     * @param standby       the standby's connections
     * @param checkInterval how often {@link #check} runs (for the log line only: the caller schedules it)
     * @param maxLag        beyond this lag reads go to the primary; zero for no limit
     */
    public ReadReplica(DataSource standby, Duration checkInterval, Duration maxLag) {
        this.standby = standby;
        this.checkInterval = checkInterval;
        this.maxLag = maxLag;
    }

    @Override
    public <T> T mayLag(Supplier<T> work) {
        nextConnectionMayLag.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            // Also when the work took no new connection (it joined a transaction already open).
            nextConnectionMayLag.remove();
        }
    }

    /** Whether the connection asked for now is the one a read that may lag begins on; asks only once. */
    boolean claimsNextConnection() {
        if (nextConnectionMayLag.get() == null) {
            return false;
        }
        nextConnectionMayLag.remove();
        return true;
    }

    /** A connection to the standby if it is readable and answers, else to the primary (a fallback, counted). */
    Connection connectionForReadThatMayLag(DataSource primary) throws SQLException {
        if (readable.get()) {
            try {
                Connection connection = standby.getConnection();
                reads.increment();
                return connection;
            } catch (SQLException unreachable) {
                notReadable("does not answer (" + unreachable.getMessage() + ")");
            }
        }
        fallbacks.increment();
        return primary.getConnection();
    }

    /** Measures the standby's lag, and decides from it and from whether it answers if reads go to it. */
    public void check() {
        double lag;
        try (Connection connection = standby.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, checkInterval.toSeconds()));
            try (ResultSet result = statement.executeQuery(LAG_SECONDS)) {
                result.next();
                lag = result.getDouble(1);
                lag = result.wasNull() ? Double.NaN : lag;
            }
        } catch (SQLException | RuntimeException unreachable) {
            lagSeconds = Double.NaN;
            notReadable("does not answer (" + unreachable.getMessage() + ")");
            return;
        }
        lagSeconds = lag;
        if (!maxLag.isZero() && lag * 1000 > maxLag.toMillis()) {
            notReadable(String.format("is %.1f s behind the primary, more than the %s allowed", lag, maxLag));
        } else if (readable.compareAndSet(false, true)) {
            log.info("Read replica is back ({} s behind): dashboard reads go to it again", String.format("%.1f", lag));
        }
    }

    private void notReadable(String why) {
        if (readable.compareAndSet(true, false)) {
            log.warn("Read replica {}: dashboard reads go to the primary until it is back (looked for every {})",
                    why, checkInterval);
        }
    }

    /** Closes the standby's connection pool. */
    @Override
    public void close() throws Exception {
        if (standby instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    /** The standby's connections (its pool's metrics are published with the replica's own). */
    DataSource standby() {
        return standby;
    }

    /** Whether reads that may lag go to the standby now. */
    public boolean readable() {
        return readable.get();
    }

    /** The standby's lag in seconds at the last check; NaN when it did not answer or cannot tell. */
    public double lagSeconds() {
        return lagSeconds;
    }

    /** Reads that may lag answered by the standby. */
    public long reads() {
        return reads.sum();
    }

    /** Reads that may lag answered by the primary because the standby was away or too far behind. */
    public long fallbacks() {
        return fallbacks.sum();
    }
}
