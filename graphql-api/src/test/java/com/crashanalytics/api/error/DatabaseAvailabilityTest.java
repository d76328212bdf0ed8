package com.crashanalytics.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Which faults mean the database is away (answered UNAVAILABLE, 503) and which are the gateway's own (500). */
class DatabaseAvailabilityTest {

    @Test
    void aConnectionThePoolClosedAsBrokenIsTheDatabaseAway() {
        // As the shared rate limiter's buckets report it when PostgreSQL stops under them (DatabaseOutageIT in CI).
        RuntimeException bucketFailure = new RuntimeException(new SQLException("Connection is closed"));

        assertThat(DatabaseAvailability.isAway(bucketFailure)).isTrue();
    }

    @Test
    void connectionStatesAndShutdownsAreAwayAndAnSqlMistakeIsNot() {
        assertThat(DatabaseAvailability.isAway(new SQLException("refused", "08001"))).isTrue();
        assertThat(DatabaseAvailability.isAway(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseAvailability.isAway(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseAvailability.isAway(new SQLException("Connection is closed", "42601"))).isFalse();
        assertThat(DatabaseAvailability.isAway(new IllegalStateException("Connection is closed"))).isFalse();
    }
}
