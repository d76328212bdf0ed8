package com.crashanalytics.persistence.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Concurrent writes sharing one transaction and one COMMIT (one fsync), each keeping its own atomicity and error.
 * <p>
 * A write joins the group open at that moment (or opens one), waits its turn on the group's connection, and runs on
 * its own thread (so whatever the request bound to its thread, such as its author, stays right), between a SAVEPOINT
 * and its release when another write's work is in the transaction already. A write that fails is rolled back to its
 * savepoint (the first to write: the whole transaction, which holds nothing else) and fails alone, with its own error;
 * the others' work stays in the transaction. The last member to finish its turn closes the group and commits it; every
 * member that succeeded answers only once that COMMIT has returned, so nothing is acknowledged before it is
 * durable, and if the COMMIT fails they all fail (none of them was acknowledged). While a group commits, the writes
 * arriving meanwhile gather in the next one: under load a commit is shared by the writes that queued during the
 * previous one; alone, a write is a group of one: its own transaction, as without grouping.
 * <p>
 * Groups are one connection each, so a write waiting for a row lock held by another group waits on a connection
 * PostgreSQL sees. A group that opens because the previous one is full starts its writes only once the previous one
 * has done all of its own (it may still be committing): two groups never run writes at the same time, so they never
 * wait for each other's locks in a cycle. (They could: rounds of different games take their game's advisory lock in
 * the crash-point trigger and keep it until their group commits; two groups each holding one game and wanting the
 * other's would deadlock, and PostgreSQL would fail a round that alone would have been stored.)
 */
public final class GroupCommit {

    private final DataSource dataSource;
    private final int maxMembers;
    private final SQLExceptionTranslator translator;
    private @Nullable Group open;

    /**
     * @param maxMembers how many writes one group takes at most, so a group under constant load still commits
     */
    public GroupCommit(DataSource dataSource, int maxMembers) {
        if (maxMembers < 1) {
            throw new IllegalArgumentException("a group takes at least one write: " + maxMembers);
        }
        this.dataSource = dataSource;
        this.maxMembers = maxMembers;
        // The translator JdbcTemplate and the transaction manager use when no sql-error-codes.xml is provided (by SQL
        // state), so a failing COMMIT reads like a failing statement; the error-code translator would parse Spring's
        // XML file of every vendor's codes at start (a fifth of a second of a restart).
        this.translator = new SQLExceptionSubclassTranslator();
    }

    /** Runs the write in the group open now; returns once the group's COMMIT has returned, or throws its own error. */
    public <T> T run(Supplier<T> work) {
        if (TransactionSynchronizationManager.hasResource(dataSource)) {
            return work.get(); // inside a transaction already: part of it, committed with it
        }
        Group group = join();
        T result;
        try {
            result = group.takeTurn(work);
        } catch (RuntimeException | Error ownFailure) {
            finishTurn(group);
            throw ownFailure;
        }
        finishTurn(group);
        group.awaitCommit();
        return result;
    }

    /** How many writes the group open now has taken (0 when none is open): what the next COMMIT may share. */
    public synchronized int writesInOpenGroup() {
        return open == null ? 0 : open.joined;
    }

    private synchronized Group join() {
        if (open == null) {
            open = new Group(CompletableFuture.completedFuture(null));
        } else if (open.joined == maxMembers) {
            open = new Group(open.allWritesDone);
        }
        open.joined++;
        return open;
    }

    /** The last member of a group to finish its turn closes the group to newcomers and commits it. */
    private void finishTurn(Group group) {
        synchronized (this) {
            group.finished++;
            if (group.finished < group.joined) {
                return;
            }
            if (open == group) {
                open = null;
            }
        }
        group.allWritesDone.complete(null);
        group.commit();
    }

    /** One transaction on one connection, shared by the writes that joined it. */
    private final class Group {
        /** Guarded by the GroupCommit's monitor. */
        int joined;
        int finished;
        private final ReentrantLock turn = new ReentrantLock(true);
        private final CompletableFuture<Void> committed = new CompletableFuture<>();
        /** Completed when every member has done its write (before the COMMIT): the next group may start then. */
        final CompletableFuture<Void> allWritesDone = new CompletableFuture<>();
        /**
         * When the writes of the full group this one opened after are done (at once when there was none); only the
         * future is kept, not that group, so a run of full groups under load does not keep every earlier one alive.
         */
        private final CompletableFuture<Void> previousWritesDone;

        Group(CompletableFuture<Void> previousWritesDone) {
            this.previousWritesDone = previousWritesDone;
        }
        private @Nullable Connection connection;
        /** Set when the connection cannot be trusted any more: every later member fails with it. */
        private @Nullable RuntimeException broken;
        private boolean anyWork;

        <T> T takeTurn(Supplier<T> work) {
            previousWritesDone.join(); // completed normally whatever the writes did; see finishTurn
            turn.lock();
            try {
                if (broken != null) {
                    throw broken;
                }
                Connection shared = connection();
                @Nullable Savepoint savepoint = anyWork ? savepoint(shared) : null;
                GroupMemberConnection holder = new GroupMemberConnection(shared);
                TransactionSynchronizationManager.bindResource(dataSource, holder);
                try {
                    T result = work.get();
                    if (holder.isRollbackOnly()) {
                        throw new UnexpectedRollbackException(
                                "a part of the write failed and marked it for rollback, though the write went on");
                    }
                    if (savepoint != null) {
                        sql("RELEASE SAVEPOINT", () -> {
                            shared.releaseSavepoint(savepoint);
                            return null;
                        });
                    }
                    anyWork = true;
                    return result;
                } catch (RuntimeException | Error failure) {
                    rollBackTo(shared, savepoint, failure);
                    throw failure;
                } finally {
                    TransactionSynchronizationManager.unbindResource(dataSource);
                }
            } finally {
                turn.unlock();
            }
        }

        /**
         * A savepoint for a write that joins a transaction already holding another write's work, so that its failure
         * can undo its own part alone. The first write to do its part needs none: the transaction holds nothing else
         * yet, so its failure rolls the whole transaction back (two round trips fewer, SAVEPOINT and RELEASE, for
         * the first write of every group, which is every write of a bot writing alone).
         */
        private Savepoint savepoint(Connection shared) {
            try {
                return shared.setSavepoint();
            } catch (SQLException failed) {
                broken = translate("SAVEPOINT", failed); // the transaction cannot be trusted to commit any more
                throw broken;
            }
        }

        /** Undoes a failed write: back to its savepoint, or the whole transaction when it was the first to write. */
        private void rollBackTo(Connection shared, @Nullable Savepoint savepoint, Throwable failure) {
            try {
                if (savepoint == null) {
                    shared.rollback();
                } else {
                    shared.rollback(savepoint);
                }
            } catch (SQLException rollbackFailed) {
                failure.addSuppressed(rollbackFailed);
                broken = translate(savepoint == null ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT", rollbackFailed);
            }
        }

        private Connection connection() {
            if (connection == null) {
                Connection taken = DataSourceUtils.getConnection(dataSource);
                try {
                    taken.setAutoCommit(false);
                } catch (SQLException failed) {
                    DataSourceUtils.releaseConnection(taken, dataSource);
                    throw translate("BEGIN", failed);
                }
                connection = taken;
            }
            return connection;
        }

        void commit() {
            turn.lock();
            try {
                if (connection == null) {
                    committed.complete(null);
                    return;
                }
                try {
                    if (broken != null) {
                        // The members that did their part before the connection broke are not stored: they fail too.
                        connection.rollback();
                        committed.completeExceptionally(broken);
                    } else if (anyWork) {
                        connection.commit();
                        committed.complete(null);
                    } else {
                        connection.rollback(); // every member failed and rolled back to its savepoint
                        committed.complete(null);
                    }
                } catch (SQLException failed) {
                    committed.completeExceptionally(translate("COMMIT", failed));
                } finally {
                    try {
                        connection.setAutoCommit(true);
                    } catch (SQLException ignored) {
                        // the pool validates the connection before lending it again
                    }
                    DataSourceUtils.releaseConnection(connection, dataSource);
                    connection = null;
                }
            } finally {
                turn.unlock();
            }
        }

        void awaitCommit() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        committed.get();
                        return;
                    } catch (InterruptedException e) {
                        interrupted = true; // the write is in the group already: its answer waits for the COMMIT
                    } catch (ExecutionException e) {
                        throw (RuntimeException) e.getCause();
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private <T> T sql(String task, SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException failed) {
            throw translate(task, failed);
        }
    }

    private RuntimeException translate(String task, SQLException failed) {
        RuntimeException translated = translator.translate(task, null, failed);
        return translated != null ? translated : new IllegalStateException(task + " failed", failed);
    }

    /**
     * The group's connection as Spring's JDBC code finds it on a member's thread: an active transaction, so a use
     * case's nested {@code inTransaction}/{@code readOnly} joins it instead of beginning (and committing) its own.
     */
    private static final class GroupMemberConnection extends ConnectionHolder {
        GroupMemberConnection(Connection connection) {
            super(connection);
            setTransactionActive(true);
        }
    }
}
