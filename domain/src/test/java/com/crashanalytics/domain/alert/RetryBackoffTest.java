package com.crashanalytics.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 5);

    @Test
    void theDelayDoublesWithEachAttemptUpToTheCap() {
        // random 0.999...: the top of each jitter range, base · 2^(n−1) capped at 300 s
        assertThat(backoff.delayAfter(1, () -> 0.99999).toMillis()).isEqualTo(9_999);
        assertThat(backoff.delayAfter(2, () -> 0.99999).toMillis()).isEqualTo(19_999);
        assertThat(backoff.delayAfter(3, () -> 0.99999).toMillis()).isEqualTo(39_999);
        assertThat(backoff.delayAfter(6, () -> 0.99999).toMillis()).isEqualTo(299_998);
        assertThat(backoff.delayAfter(60, () -> 0.99999).toMillis()).isEqualTo(299_998);
    }

    @Test
    void jitterSpreadsTheDelayOverTheUpperHalf() {
        assertThat(backoff.delayAfter(3, () -> 0.0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delayAfter(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(1, () -> 0.0)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void itGivesUpAfterTheLastAttempt() {
        assertThat(backoff.givesUpAfter(4)).isFalse();
        assertThat(backoff.givesUpAfter(5)).isTrue();
    }

    @Test
    void aBackoffNeedsAPositiveBaseBelowItsCap() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
