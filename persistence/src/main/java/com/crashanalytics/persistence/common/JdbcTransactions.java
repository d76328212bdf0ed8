package com.crashanalytics.persistence.common;

import java.util.function.Supplier;

import com.crashanalytics.domain.common.Transactions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The domain's transaction port on a JDBC transaction manager: one use case, one database transaction. */
public class JdbcTransactions implements Transactions {

    private final TransactionTemplate readWrite;
    private final TransactionTemplate readOnly;

    public JdbcTransactions(PlatformTransactionManager transactionManager) {
        this.readWrite = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        // One snapshot for every statement: a dashboard's nested query (bots, their sessions, their rounds, read
        // level by level) then sees one moment even while bots log rounds. A read-only transaction never fails
        // with a serialization error in PostgreSQL, so this costs no retries.
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return readWrite.execute(status -> work.get());
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return readOnly.execute(status -> work.get());
    }
}
