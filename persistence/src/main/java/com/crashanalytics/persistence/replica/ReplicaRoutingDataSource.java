package com.crashanalytics.persistence.replica;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The gateway's one DataSource when a read replica is configured: the primary, except for the connection a read that
 * may lag begins its transaction on, which {@link ReadReplica} hands out from the standby (or, while the standby is
 * away, from the primary after all).
 *
 * <p>Why this design: every adapter, the transaction manager and Liquibase keep using one DataSource, one
 * JdbcClient and one transaction manager, as without a replica; the transaction a read begins holds its connection
 * for all its statements, so choosing the connection when it begins routes the whole read. Spring's
 * {@code LazyConnectionDataSourceProxy} with a read-only DataSource routes every read-only transaction, a bot's
 * read-back of its own rounds included, and has no way back to the primary when the standby is away.
 */
public final class ReplicaRoutingDataSource extends DelegatingDataSource {

    private final ReadReplica replica;

    public ReplicaRoutingDataSource(DataSource primary, ReadReplica replica) {
        super(primary);
        this.replica = replica;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return replica.claimsNextConnection()
                ? replica.connectionForReadThatMayLag(obtainTargetDataSource())
                : obtainTargetDataSource().getConnection();
    }
}
