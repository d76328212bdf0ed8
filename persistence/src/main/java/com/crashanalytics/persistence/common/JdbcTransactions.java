package com.crashanalytics.persistence.common;

import java.time.Duration;
import java.util.function.Supplier;

import com.crashanalytics.domain.common.Transactions;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The domain's transaction port on a JDBC transaction manager: one use case, one database transaction.
 * Read-only transactions read one snapshot (repeatable read) and carry a {@code statement_timeout}, so one dashboard's runaway query is cancelled by
 * PostgreSQL instead of holding a connection and CPU the bots need; writes are not cut short. Reads run on generic
 * plans (see {@link #readTransactionSetUp}).
 */
public class JdbcTransactions implements Transactions {

    private final TransactionTemplate readWrite;
    private final TransactionTemplate readOnly;
    private final JdbcClient jdbc;
    private final String readTransactionSetUp;
    private final ReadRouting routing;
    private final @Nullable GroupCommit groupCommit;

    /**
     * @param readStatementTimeout how long one statement of a read-only transaction may run; zero for no limit
     */
    public JdbcTransactions(PlatformTransactionManager transactionManager, JdbcClient jdbc, Duration readStatementTimeout) {
        this(transactionManager, jdbc, readStatementTimeout, ReadRouting.PRIMARY_ONLY);
    }

    /**
     * @param readStatementTimeout how long one statement of a read-only transaction may run; zero for no limit
     * @param routing              where a read that may lag takes its connection (the read replica, if any)
     */
    public JdbcTransactions(PlatformTransactionManager transactionManager, JdbcClient jdbc, Duration readStatementTimeout,
                            ReadRouting routing) {
        this(transactionManager, jdbc, readStatementTimeout, routing, null);
    }

    /**
     * @param groupCommit where writes that may share a commit go ({@link #inSharedCommit}); null: each its own
     */
    public JdbcTransactions(PlatformTransactionManager transactionManager, JdbcClient jdbc, Duration readStatementTimeout,
                            ReadRouting routing, @Nullable GroupCommit groupCommit) {
        if (readStatementTimeout.isNegative()) {
            throw new IllegalArgumentException("the read statement timeout cannot be negative: " + readStatementTimeout);
        }
        this.readWrite = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        // The isolation is not set here but by the transaction's first statement (see readOnly): set on the
        // template, Spring would ask the connection for its isolation, change the session's and change it back,
        // three round trips to PostgreSQL around every read.
        this.jdbc = jdbc;
        this.readTransactionSetUp = readTransactionSetUp(readStatementTimeout.toMillis());
        this.routing = routing;
        this.groupCommit = groupCommit;
    }

    /**
     * One snapshot for every statement: a dashboard's nested query (bots, their sessions, their rounds, read level
     * by level) then sees one moment even while bots log rounds. A read-only transaction never fails with a
     * serialization error in PostgreSQL, so this costs no retries. The statement timeout goes in the same round
     * trip (SET takes no bind parameters; the value is a number we computed, not input), and pgjdbc sends the
     * {@code BEGIN READ ONLY} with it: one round trip opens the read.
     *
     * <p>Reads use generic plans ({@code plan_cache_mode}): PostgreSQL otherwise plans a statement afresh on every
     * execution whenever a plan for its parameters' values looks cheaper than a generic one, which is always so for the
     * batched reads that take an array of keys (a DataLoader's page of rounds for each session, their counts): knowing
     * the array's length, the custom plan looks cheaper. Planning those over the monthly partitions cost more than
     * running them: 3.2 ms of planning against 1.2 ms of execution for the rounds of a 2 × 2 × 5 dashboard
     * ({@code pg_stat_statements}, 11,562 rounds). The generic plan is the same plan (the same index scans of every
     * partition; where the partition key is a parameter, partitions are still pruned, at execution). The setting is
     * local to the read transaction: a write keeps PostgreSQL's choice unless it sets its own, as a write of rounds
     * does for its rows' foreign-key checks ({@code JdbcRoundLogbook.PLAN_GENERICALLY}).
     */
    private static String readTransactionSetUp(long statementTimeoutMillis) {
        String snapshotAndPlans =
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; SET LOCAL plan_cache_mode = force_generic_plan";
        return statementTimeoutMillis > 0
                ? SqlTemplate.sql("{snapshotAndPlans}; SET LOCAL statement_timeout = {millis}")
                        .with("snapshotAndPlans", snapshotAndPlans)
                        .with("millis", Long.toString(statementTimeoutMillis)).text()
                : snapshotAndPlans;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return failingWithTheWorksOwnError(() -> readWrite.execute(status -> work.get()));
    }

    /** Inside the group's transaction, a nested {@code inTransaction} joins it (Spring's REQUIRED). */
    @Override
    public <T> T inSharedCommit(Supplier<T> work) {
        return groupCommit == null ? inTransaction(work) : groupCommit.run(work);
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return failingWithTheWorksOwnError(() -> readOnly.execute(status -> {
            // Only a transaction this call began: a read joining a write transaction must not limit the write (nor
            // could it change its isolation).
            if (status.isNewTransaction()) {
                jdbc.sql(readTransactionSetUp).update();
            }
            return work.get();
        }));
    }

    /**
     * The transaction manager takes the transaction's connection when the transaction begins, inside
     * {@link #readOnly}: that is the connection the routing hands the replica's. A read joining a transaction already
     * open takes no new connection and reads where that transaction does.
     */
    @Override
    public <T> T readOnlyMayLag(Supplier<T> work) {
        return routing.mayLag(() -> readOnly(work));
    }

    /**
     * When the work failed and then the rollback failed too (the database went away mid-transaction: PostgreSQL's
     * "terminating connection due to administrator command", then "connection is closed"), Spring reports the
     * rollback; the work's own error is what happened, and what callers (and the UNAVAILABLE answer) must see.
     */
    private static <T> T failingWithTheWorksOwnError(Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (TransactionSystemException rollbackFailed) {
            if (rollbackFailed.getApplicationException() instanceof RuntimeException original) {
                original.addSuppressed(rollbackFailed);
                throw original;
            }
            throw rollbackFailed;
        }
    }
}
