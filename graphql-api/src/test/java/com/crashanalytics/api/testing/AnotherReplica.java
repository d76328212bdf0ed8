package com.crashanalytics.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Another gateway replica, as scheduled work sees it: a connection of its own holding a job's advisory lock (the key
 * {@code AdvisoryScheduledWorkLock} takes), so this replica's turn of the job must skip.
 */
public final class AnotherReplica {

    private AnotherReplica() {
    }

    /** A step of a test that may throw. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** Runs {@code whileHeld} while another connection holds {@code job}'s lock; releases it afterwards. */
    public static void holdingJob(DataSource dataSource, String job, Step whileHeld) throws Exception {
        String lock = "(" + 0x5CED + ", hashtext('" + job + "'))";
        try (Connection otherReplica = dataSource.getConnection(); Statement statement = otherReplica.createStatement()) {
            try (ResultSet held = statement.executeQuery("SELECT pg_try_advisory_lock" + lock)) {
                held.next();
                assertThat(held.getBoolean(1)).as("the other replica takes " + job + "'s lock").isTrue();
            }
            try {
                whileHeld.run();
            } finally {
                statement.execute("SELECT pg_advisory_unlock" + lock);
            }
        }
    }
}
