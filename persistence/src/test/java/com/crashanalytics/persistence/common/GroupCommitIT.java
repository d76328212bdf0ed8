package com.crashanalytics.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.crashanalytics.persistence.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Writes that share a commit: one transaction for all of them (the same transaction id), each still atomic on its
 * own, a failing write rolled back alone with its own error, the others stored and answered after the COMMIT.
 * The writes are made to meet in one group deterministically: the first waits, inside its turn, until the others
 * have joined the group.
 */
class GroupCommitIT {

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private static DataSource dataSource;
    private static JdbcClient jdbc;
    private static ExecutorService writers;
    private GroupCommit groupCommit;
    private JdbcTransactions transactions;

    @BeforeAll
    static void connect() {
        TestPostgres postgres = TestPostgres.get();
        dataSource = new DriverManagerDataSource(postgres.createDatabase("group_commit_test"), postgres.username(),
                postgres.password());
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE probe (id int PRIMARY KEY, writer text NOT NULL)").update();
        writers = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        writers.shutdownNow();
    }

    @BeforeEach
    void emptyTable() {
        jdbc.sql("TRUNCATE probe").update();
        groupCommit = new GroupCommit(dataSource, 64);
        transactions = new JdbcTransactions(new DataSourceTransactionManager(dataSource), jdbc, Duration.ZERO,
                ReadRouting.PRIMARY_ONLY, groupCommit);
    }

    @Test
    void aFailingWriteFailsAloneWithItsOwnErrorAndTheOthersAreStoredInTheSameCommit() throws Exception {
        Future<Long> first = writers.submit(() -> transactions.inSharedCommit(() -> {
            insert(1, "first");
            awaitGroupOf(3); // the others are queued behind this turn, in this group
            return transactionId();
        }));
        awaitGroupOf(1);
        Future<Long> failing = writers.submit(() -> transactions.inSharedCommit(() -> {
            insert(2, "failing");
            insert(1, "failing"); // the first's key: a unique violation, which aborts the statement
            return transactionId();
        }));
        awaitGroupOf(2);
        Future<Long> third = writers.submit(() -> transactions.inSharedCommit(() -> {
            insert(3, "third");
            return transactionId();
        }));

        long firstTransaction = first.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        assertThatThrownBy(() -> failing.get(GENEROUS.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(DuplicateKeyException.class).hasMessageContaining("probe_pkey");
        assertThat(third.get(GENEROUS.toSeconds(), TimeUnit.SECONDS))
                .as("one transaction for the group").isEqualTo(firstTransaction);
        assertThat(storedRows()).containsExactly("1 first", "3 third"); // nothing of the failing write, not even id 2
        assertThat(groupCommit.writesInOpenGroup()).isZero();
    }

    @Test
    void theFirstWriteToFailIsUndoneWithTheWholeTransactionWhichHeldNothingElseAndTheNextWritesAreStored()
            throws Exception {
        Future<Long> failingFirst = writers.submit(() -> transactions.inSharedCommit(() -> {
            insert(1, "failing first");
            awaitGroupOf(3); // the others are queued behind this turn, in this group
            insert(1, "failing first"); // its own key again: a unique violation, which aborts the transaction
            return transactionId();
        }));
        awaitGroupOf(1);
        Future<Long> second = writers.submit(() -> transactions.inSharedCommit(() -> {
            insert(2, "second");
            return transactionId();
        }));
        awaitGroupOf(2);
        Future<Long> third = writers.submit(() -> transactions.inSharedCommit(() -> {
            insert(3, "third");
            return transactionId();
        }));

        assertThatThrownBy(() -> failingFirst.get(GENEROUS.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(DuplicateKeyException.class).hasMessageContaining("probe_pkey");
        assertThat(third.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("one transaction for the writes after it")
                .isEqualTo(second.get(GENEROUS.toSeconds(), TimeUnit.SECONDS));
        assertThat(storedRows()).containsExactly("2 second", "3 third"); // nothing of the failing first, not even id 1
    }

    /**
     * Only a write that joins a transaction holding another's work needs a savepoint to fail alone; the first to
     * write (and a write alone, what a single bot sends) goes without SAVEPOINT and RELEASE, two round trips fewer.
     */
    @Test
    void onlyTheWritesAfterTheFirstOfAGroupTakeASavepoint() throws Exception {
        List<String> savepointCalls = new CopyOnWriteArrayList<>();
        DataSource counting = savepointsCountedIn(savepointCalls);
        JdbcClient countedJdbc = JdbcClient.create(counting); // its statements join the group's transaction
        GroupCommit countedGroups = new GroupCommit(counting, 64);
        JdbcTransactions counted = new JdbcTransactions(new DataSourceTransactionManager(counting), countedJdbc,
                Duration.ZERO, ReadRouting.PRIMARY_ONLY, countedGroups);

        long alone = counted.inSharedCommit(() -> {
            insert(countedJdbc, 1, "alone");
            return transactionId(countedJdbc);
        });
        assertThat(savepointCalls).as("a write alone").isEmpty();

        Future<Long> first = writers.submit(() -> counted.inSharedCommit(() -> {
            await("the second write in this group").atMost(GENEROUS).pollInterval(Duration.ofMillis(1))
                    .until(() -> countedGroups.writesInOpenGroup() == 2);
            insert(countedJdbc, 2, "first");
            return transactionId(countedJdbc);
        }));
        await("the first write's group open").atMost(GENEROUS).pollInterval(Duration.ofMillis(1))
                .until(() -> countedGroups.writesInOpenGroup() == 1);
        Future<Long> second = writers.submit(() -> counted.inSharedCommit(() -> {
            insert(countedJdbc, 3, "second");
            return transactionId(countedJdbc);
        }));

        assertThat(second.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("one transaction for the group of two")
                .isEqualTo(first.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isNotEqualTo(alone);
        assertThat(savepointCalls).as("the second of a group of two").containsExactly("setSavepoint", "releaseSavepoint");
        assertThat(storedRows()).containsExactly("1 alone", "2 first", "3 second");
    }

    @Test
    void aWriteIsAnsweredOnlyWhenItsGroupHasCommitted() throws Exception {
        CompletableFuture<Void> secondMayGoOn = new CompletableFuture<>();
        Future<Integer> first = writers.submit(() -> transactions.inSharedCommit(() -> {
            awaitGroupOf(2); // whichever of the two takes its turn first waits for the other to join
            return insert(1, "first");
        }));
        Future<Integer> second = writers.submit(() -> transactions.inSharedCommit(() -> {
            awaitGroupOf(2);
            secondMayGoOn.join();
            return insert(2, "second");
        }));
        awaitGroupOf(2);
        // The second holds the group open; the first has done its part but must not be answered yet: its row is not
        // committed (another connection does not see it).
        assertThat(first.isDone()).isFalse();
        assertThat(storedRows()).isEmpty();

        secondMayGoOn.complete(null);
        assertThat(first.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(storedRows()).containsExactly("1 first", "2 second");
    }

    @Test
    void whenTheGroupsConnectionDiesNoWriteOfTheGroupIsAcknowledged() throws Exception {
        Future<Integer> first = writers.submit(() -> transactions.inSharedCommit(() -> {
            awaitGroupOf(2);
            return insert(1, "first");
        }));
        Future<Integer> killer = writers.submit(() -> transactions.inSharedCommit(() -> {
            awaitGroupOf(2);
            insert(2, "killer");
            return jdbc.sql("SELECT 1 FROM pg_terminate_backend(pg_backend_pid())").query(Integer.class).single();
        }));

        assertThatThrownBy(() -> killer.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        // The first did its part before or after, but its COMMIT never happened: it must fail, not be answered.
        assertThatThrownBy(() -> first.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(storedRows()).isEmpty();
    }

    @Test
    void aWriteAloneIsItsOwnTransactionAndANestedTransactionJoinsIt() {
        long outer = transactions.inSharedCommit(() -> {
            insert(1, "alone");
            return transactions.inTransaction(GroupCommitIT::transactionId);
        });

        assertThat(outer).isPositive();
        assertThat(storedRows()).containsExactly("1 alone");
        assertThatThrownBy(() -> transactions.inSharedCommit(() -> {
            insert(2, "nested failure");
            return transactions.inTransaction(() -> insert(1, "nested failure"));
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(storedRows()).containsExactly("1 alone");
    }

    @Test
    void aCommitThatFailsIsTranslatedLikeAFailingStatementAndStoresNothing() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS deferred_probe (id int CONSTRAINT deferred_probe_once UNIQUE"
                + " DEFERRABLE INITIALLY DEFERRED)").update();
        jdbc.sql("TRUNCATE deferred_probe").update();

        // the duplicate is only checked at COMMIT, which the group runs after the work has returned
        assertThatThrownBy(() -> transactions.inSharedCommit(() -> insert(1, "alone")
                + jdbc.sql("INSERT INTO deferred_probe VALUES (7), (7)").update()))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("deferred_probe_once");
        assertThat(storedRows()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM deferred_probe").query(Long.class).single()).isZero();
    }

    @Test
    void withoutGroupingEveryWriteIsItsOwnTransaction() {
        JdbcTransactions ungrouped = new JdbcTransactions(new DataSourceTransactionManager(dataSource), jdbc,
                Duration.ZERO, ReadRouting.PRIMARY_ONLY, null);

        assertThatThrownBy(() -> ungrouped.inSharedCommit(() -> insert(1, "x") + insert(1, "x")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(storedRows()).isEmpty();
    }

    private static int insert(int id, String writer) {
        return insert(jdbc, id, writer);
    }

    private static int insert(JdbcClient client, int id, String writer) {
        return client.sql("INSERT INTO probe (id, writer) VALUES (?, ?)").params(id, writer).update();
    }

    /**
     * A group opened because the previous one was full starts its writes only once the previous one has done all of
     * its own: two groups running writes at once could each hold a lock the other wants (rounds of two games take
     * their game's lock until their group commits) and deadlock, failing rounds that alone would have been stored.
     */
    @Test
    void theNextGroupStartsItsWritesOnlyOnceThePreviousGroupHasDoneAllOfItsOwn() throws Exception {
        GroupCommit oneWriteAGroup = new GroupCommit(dataSource, 1);
        JdbcTransactions groupsOfOne = new JdbcTransactions(new DataSourceTransactionManager(dataSource), jdbc,
                Duration.ZERO, ReadRouting.PRIMARY_ONLY, oneWriteAGroup);
        CompletableFuture<Void> releaseFirst = new CompletableFuture<>();
        AtomicBoolean firstDone = new AtomicBoolean();
        AtomicBoolean secondStarted = new AtomicBoolean();
        AtomicReference<Thread> secondThread = new AtomicReference<>();

        Future<Void> first = writers.submit(() -> groupsOfOne.inSharedCommit(() -> {
            insert(1, "first");
            releaseFirst.join();
            firstDone.set(true);
            return null;
        }));
        await("the first group open").atMost(GENEROUS).pollInterval(Duration.ofMillis(1))
                .until(() -> oneWriteAGroup.writesInOpenGroup() == 1);
        Future<Boolean> second = writers.submit(() -> {
            secondThread.set(Thread.currentThread());
            return groupsOfOne.inSharedCommit(() -> {
                secondStarted.set(true);
                insert(2, "second");
                return firstDone.get();
            });
        });
        try {
            await("the second write waiting or started").atMost(GENEROUS).pollInterval(Duration.ofMillis(1))
                    .until(() -> secondStarted.get()
                            || (secondThread.get() != null && secondThread.get().getState() == Thread.State.WAITING));
            assertThat(secondStarted).as("the second group's write waits for the first group's").isFalse();
        } finally {
            releaseFirst.complete(null);
        }
        first.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        assertThat(second.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("the first's write done when the second's began")
                .isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM probe").query(Integer.class).single()).isEqualTo(2);
    }

    /** The test database, its connections noting every savepoint call made on them. */
    private static DataSource savepointsCountedIn(List<String> calls) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                            if (method.getName().contains("avepoint")) {
                                calls.add(method.getName());
                            }
                            try {
                                return method.invoke(connection, arguments);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    private static long transactionId() {
        return transactionId(jdbc);
    }

    private static long transactionId(JdbcClient client) {
        return client.sql("SELECT txid_current()").query(Long.class).single();
    }

    private static List<String> storedRows() {
        return jdbc.sql("SELECT id || ' ' || writer FROM probe ORDER BY id").query(String.class).list();
    }

    /** Polls (never sleeps a fixed time) until the open group has taken this many writes. */
    private void awaitGroupOf(int writes) {
        await("the open group reaching " + writes + " writes").atMost(GENEROUS).pollInterval(Duration.ofMillis(1))
                .until(() -> groupCommit.writesInOpenGroup() >= writes);
    }
}
