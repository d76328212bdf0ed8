package com.crashanalytics.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import com.crashanalytics.domain.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant ELEVEN = Instant.parse("2026-03-02T11:00:00Z");

    @Test
    void isHalfOpen() {
        TimeWindow window = new TimeWindow(TEN, ELEVEN);

        assertThat(window.contains(TEN)).isTrue();
        assertThat(window.contains(ELEVEN.minusNanos(1))).isTrue();
        assertThat(window.contains(ELEVEN)).isFalse();
        assertThat(window.contains(TEN.minusNanos(1))).isFalse();
    }

    @Test
    void openEndsContainEverythingOnTheirSide() {
        assertThat(new TimeWindow(null, ELEVEN).contains(Instant.EPOCH)).isTrue();
        assertThat(new TimeWindow(TEN, null).contains(Instant.parse("2100-01-01T00:00:00Z"))).isTrue();
        assertThat(TimeWindow.orAll(null)).isEqualTo(TimeWindow.ALL);
    }

    @Test
    void toMustComeAfterFrom() {
        assertThatThrownBy(() -> new TimeWindow(ELEVEN, TEN))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("window.to");
                    assertThat(e.violations().get(0).rule()).isEqualTo("AFTER_FROM");
                });
        assertThatThrownBy(() -> new TimeWindow(TEN, TEN)).isInstanceOf(InvalidInputException.class);
    }
}
