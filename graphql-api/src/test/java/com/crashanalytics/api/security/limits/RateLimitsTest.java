package com.crashanalytics.api.security.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import com.crashanalytics.api.security.limits.RateLimits.Allowance;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.ApiKeyRole;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void anAllowanceIsRequestsPerPeriod() {
        assertThat(Allowance.parse("100/5s")).isEqualTo(new Allowance(100, Duration.ofSeconds(5)));
        assertThat(Allowance.parse(" 6000 / 1m ")).isEqualTo(new Allowance(6000, Duration.ofMinutes(1)));
    }

    @Test
    void aMalformedAllowanceIsRefusedAtStartSayingHowToWriteIt() {
        for (String bad : new String[] {"100", "100/", "/5s", "0/5s", "100/0s", "many/5s", "100/soon"}) {
            assertThatThrownBy(() -> Allowance.parse(bad)).as(bad).hasMessageContaining("requests/period, e.g. 100/5s");
        }
        assertThatThrownBy(() -> new RateLimits("1/1s", "x", "1/1s", "1/1s", "1/1s")).hasMessageContaining("'x'");
    }

    @Test
    void eachKeyHasItsOwnBucketSizedByItsRole() {
        RateLimiter limiter = new RateLimiter(new RateLimits("5/1h", "2/1h", "3/1h", "4/1h", "1/1h"));
        ApiKey botA = key(ApiKeyRole.BOT);
        ApiKey botB = key(ApiKeyRole.BOT);

        assertThat(limiter.tryAcquire(botA)).isEmpty();
        assertThat(limiter.tryAcquire(botA)).isEmpty();
        OptionalLong refused = limiter.tryAcquire(botA);
        assertThat(limiter.tryAcquire(botB)).as("another bot's allowance is untouched").isEmpty();

        // 2 requests per hour refill one every 30 minutes: the next token is 1,800 s away (give or take the test's own time).
        assertThat(refused).isPresent();
        assertThat(refused.getAsLong()).isBetween(1_790L, 1_800L);
    }

    private static ApiKey key(ApiKeyRole role) {
        return new ApiKey(UUID.randomUUID(), "k", role, "cag_xxxxxxxx", role == ApiKeyRole.BOT ? List.of("b") : List.of(),
                java.time.Instant.EPOCH, null, null);
    }
}
