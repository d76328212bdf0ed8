package com.crashanalytics.persistence.replica;

import static com.crashanalytics.persistence.testing.StreamingReplica.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import com.crashanalytics.persistence.common.JdbcTransactions;
import com.crashanalytics.persistence.testing.StreamingReplica;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which server each kind of transaction reads, told apart by {@code pg_is_in_recovery()} (true on the standby only),
 * on a real primary and streaming standby ({@link StreamingReplica}), without Spring Boot: the routing DataSource, the
 * replica and the domain's transaction port as the auto-configuration puts them together.
 */
class ReadReplicaRoutingIT {

    private static final StreamingReplica replication = StreamingReplica.start();
    private static final String ON_STANDBY = "SELECT pg_is_in_recovery()";

    private ReadReplica replica;
    private JdbcClient jdbc;
    private JdbcTransactions transactions;

    @AfterAll
    static void stopServers() throws IOException {
        replication.close();
    }

    @BeforeEach
    void setUp() {
        replica = replicaAllowedToLag(replication.standbyUrl(), Duration.ZERO);
        jdbc.sql("DROP TABLE IF EXISTS marks").update();
        jdbc.sql("CREATE TABLE marks (id int)").update();
        replication.awaitStandbyCaughtUp();
        replica.check();
    }

    @AfterEach
    void tearDown() throws Exception {
        replication.startStandby();
        replication.resumeReplay();
        replica.close();
    }

    @Test
    void onlyAReadThatMayLagReadsTheStandby() {
        assertThat(transactions.readOnlyMayLag(this::onStandby)).as("a read that may lag").isTrue();
        assertThat(transactions.readOnly(this::onStandby)).as("a read that must be up to date").isFalse();
        assertThat(transactions.inTransaction(this::onStandby)).as("a write").isFalse();
        assertThat(transactions.inTransaction(() -> transactions.readOnlyMayLag(this::onStandby)))
                .as("a read that may lag inside a write reads where the write does").isFalse();
        assertThat(transactions.readOnlyMayLag(() -> transactions.readOnly(this::onStandby)))
                .as("a read joining one on the standby").isTrue();
        assertThat(jdbc.sql(ON_STANDBY).query(Boolean.class).single())
                .as("outside any transaction, after all that").isFalse();
        assertThat(replica.reads()).isEqualTo(2);
        assertThat(replica.fallbacks()).isZero();
    }

    @Test
    void aStandbyTooFarBehindLeavesTheReadsToThePrimaryUntilItCatchesUp() throws Exception {
        replica.close();
        // A lag of more than 1 ms is too much: any WAL the standby has received and not applied sends reads back.
        replica = replicaAllowedToLag(replication.standbyUrl(), Duration.ofMillis(1));
        replication.pauseReplay();
        transactions.inTransaction(() -> jdbc.sql("INSERT INTO marks VALUES (1)").update());
        await("the standby to receive the insert", () -> "t".equals(replication.onStandby(
                "SELECT pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn()")));

        replica.check();

        assertThat(replica.readable()).isFalse();
        assertThat(replica.lagSeconds()).isGreaterThan(0.001);
        assertThat(transactions.readOnlyMayLag(this::onStandby)).isFalse();
        assertThat(transactions.readOnlyMayLag(this::marks)).as("the primary's data").isEqualTo(1);
        assertThat(replica.fallbacks()).isEqualTo(2);

        replication.resumeReplay();
        await("the standby to catch up", () -> {
            replica.check();
            return replica.readable();
        });
        assertThat(replica.lagSeconds()).isLessThanOrEqualTo(0.001);
        assertThat(transactions.readOnlyMayLag(this::onStandby)).isTrue();
        assertThat(transactions.readOnlyMayLag(this::marks)).as("the standby has it now").isEqualTo(1);
    }

    @Test
    void aReadThatCannotReachTheStandbyIsAnsweredByThePrimaryAndTheNextOnesTooUntilTheCheckFindsIt() throws Exception {
        replica.close();
        replica = replicaAllowedToLag("jdbc:postgresql://localhost:" + unusedPort() + "/postgres?user=postgres", Duration.ZERO);

        assertThat(transactions.readOnlyMayLag(this::onStandby)).as("answered by the primary").isFalse();
        assertThat(replica.readable()).isFalse();
        assertThat(transactions.readOnlyMayLag(this::onStandby)).as("no new attempt before the check").isFalse();
        assertThat(replica.fallbacks()).isEqualTo(2);
        assertThat(replica.reads()).isZero();
        replica.check();
        assertThat(replica.readable()).isFalse();
        assertThat(replica.lagSeconds()).isNaN();
    }

    @Test
    void aStandbyThatStopsIsFoundAwayByTheCheckAndFoundAgainWhenItIsBack() {
        replication.stopStandby();
        try {
            replica.check();
            assertThat(replica.readable()).isFalse();
            assertThat(transactions.readOnlyMayLag(this::onStandby)).as("answered by the primary").isFalse();
            assertThat(replica.fallbacks()).isEqualTo(1);
        } finally {
            replication.startStandby();
        }
        await("the standby to answer the check", () -> {
            replica.check();
            return replica.readable();
        });
        assertThat(transactions.readOnlyMayLag(this::onStandby)).isTrue();
    }

    /** A replica and the transactions routed through it, as ReadReplicaAutoConfiguration wires them. */
    private ReadReplica replicaAllowedToLag(String standbyUrl, Duration maxLag) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(standbyUrl);
        config.setConnectionTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        ReadReplica created = new ReadReplica(new HikariDataSource(config), Duration.ofSeconds(1), maxLag);
        ReplicaRoutingDataSource routing = new ReplicaRoutingDataSource(
                new DriverManagerDataSource(replication.primaryUrl()), created);
        jdbc = JdbcClient.create(routing);
        transactions = new JdbcTransactions(new DataSourceTransactionManager(routing), jdbc, Duration.ofSeconds(5), created);
        return created;
    }

    private boolean onStandby() {
        return jdbc.sql(ON_STANDBY).query(Boolean.class).single();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private int marks() {
        return jdbc.sql("SELECT count(*) FROM marks").query(Integer.class).single();
    }
}
