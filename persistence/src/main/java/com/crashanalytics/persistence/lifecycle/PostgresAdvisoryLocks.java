package com.crashanalytics.persistence.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.crashanalytics.domain.lifecycle.ExclusiveJobs;

/**
 * One job at a time across every gateway replica: a session-level PostgreSQL advisory lock
 * ({@code pg_try_advisory_lock}) held on a connection of its own for the job's duration. A replica that finds it
 * taken skips the job at once; if the holder dies, PostgreSQL drops its connection and the lock with it.
 */
public class PostgresAdvisoryLocks implements ExclusiveJobs {

    private final DataSource dataSource;

    public PostgresAdvisoryLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> Optional<T> runAlone(String job, Supplier<T> work) {
        // Not the transaction's connection: the lock must outlive the job's many short transactions.
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!call(lockHolder, "SELECT pg_try_advisory_lock(hashtextextended(?, 0))", job)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                call(lockHolder, "SELECT pg_advisory_unlock(hashtextextended(?, 0))", job);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("the lock of job '" + job + "' could not be taken or released", failed);
        }
    }

    private static boolean call(Connection connection, String sql, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "crash_analytics.job/" + job);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
