package com.crashanalytics.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlValuesTest {

    /** As the driver writes an instant to a timestamptz: to the microsecond, 500 ns and more rounding up. */
    @ParameterizedTest
    @CsvSource({
            "2026-11-21T14:03:00Z,                2026-11-21T14:03:00Z",
            "2026-11-21T14:03:00.123456Z,         2026-11-21T14:03:00.123456Z",
            "2026-11-21T14:03:00.123456499Z,      2026-11-21T14:03:00.123456Z",
            "2026-11-21T14:03:00.1234565Z,        2026-11-21T14:03:00.123457Z",
            "2026-11-21T14:03:00.123456789Z,      2026-11-21T14:03:00.123457Z",
            "2026-11-30T23:59:59.9999996Z,        2026-12-01T00:00:00Z",
            "1969-12-31T23:59:59.9999994Z,        1969-12-31T23:59:59.999999Z"})
    void anInstantAsStoredIsRoundedToTheMicrosecondAsTheDriverSendsIt(String sent, String stored) {
        assertThat(SqlValues.asStored(Instant.parse(sent))).isEqualTo(Instant.parse(stored));
    }
}
