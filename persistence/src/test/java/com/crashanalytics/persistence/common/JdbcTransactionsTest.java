package com.crashanalytics.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The database goes away mid-transaction: the work fails (PostgreSQL terminated the connection) and the rollback
 * fails after it (the connection is closed). Callers see the work's own error, which says the database is away,
 * not Spring's "rollback failed". The transaction manager here stands for a connection that is gone; no database
 * is replaced, since none is reached.
 */
class JdbcTransactionsTest {

    @Test
    void whenTheRollbackFailsAfterTheWorkFailedTheWorksErrorIsThrown() {
        JdbcTransactions transactions = new JdbcTransactions(new ConnectionGone(), null, Duration.ZERO);
        UncategorizedSQLException terminated = new UncategorizedSQLException("insert", "insert ...",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            throw terminated;
        })).isSameAs(terminated)
                .satisfies(thrown -> assertThat(thrown.getSuppressed()).hasAtLeastOneElementOfType(TransactionSystemException.class));
    }

    /** Begins and commits nothing; its rollback fails as on a closed connection. */
    private static final class ConnectionGone extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) throws TransactionException {
            throw new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        }
    }

}
