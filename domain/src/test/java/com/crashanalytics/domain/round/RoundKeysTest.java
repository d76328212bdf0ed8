package com.crashanalytics.domain.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The rounds' keys keep a record's equality with their own equals and hashCode (they are DataLoader keys). */
class RoundKeysTest {

    private static final Instant START = Instant.parse("2026-11-21T12:00:00.000001Z");
    private static final UUID ROUND = UUID.fromString("01936a1c-0000-7000-8000-000000000001");

    @Test
    void aRoundKeyEqualsTheKeyOfTheSameBotSessionAndNumberOnly() {
        RoundKey key = new RoundKey("bot_1", "session_1", 7);

        assertThat(key).isEqualTo(new RoundKey(new String("bot_1"), new String("session_1"), 7))
                .hasSameHashCodeAs(new RoundKey("bot_1", "session_1", 7));
        assertThat(List.of(new RoundKey("bot_2", "session_1", 7), new RoundKey("bot_1", "session_2", 7),
                new RoundKey("bot_1", "session_1", 8), new RoundKey(null, "session_1", 7),
                new RoundKey("bot_1", null, 7))).allSatisfy(other -> assertThat(other).isNotEqualTo(key));
        assertThat(key).isNotEqualTo(null).isNotEqualTo("round 7 of session 'session_1'");
        assertThat(new RoundKey(null, null, 0)).isEqualTo(new RoundKey(null, null, 0))
                .hasSameHashCodeAs(new RoundKey(null, null, 0));
    }

    @Test
    void aLoggedRoundKeyEqualsTheSameRoundStartedAtTheSameInstantOnly() {
        LoggedRoundKey logged = new LoggedRoundKey(ROUND, START);

        assertThat(logged).isEqualTo(new LoggedRoundKey(UUID.fromString(ROUND.toString()), Instant.parse(
                "2026-11-21T12:00:00.000001Z"))).hasSameHashCodeAs(new LoggedRoundKey(ROUND, START));
        assertThat(logged).isNotEqualTo(new LoggedRoundKey(ROUND, START.plusNanos(1)))
                .isNotEqualTo(new LoggedRoundKey(UUID.fromString("01936a1c-0000-7000-8000-000000000002"), START))
                .isNotEqualTo(new LoggedRoundKey(null, START)).isNotEqualTo(logged.roundId());
    }

    @Test
    void keysOfManyRoundsOfOneSessionFindTheirOwnEntries() {
        Map<RoundKey, Integer> byKey = new HashMap<>();
        for (int number = 0; number < 2_000; number++) {
            byKey.put(new RoundKey("bot_1", "session_1", number), number);
        }

        assertThat(byKey).hasSize(2_000);
        for (int number = 0; number < 2_000; number++) {
            assertThat(byKey.get(new RoundKey("bot_1", "session_1", number))).isEqualTo(number);
        }
        assertThat(byKey.get(new RoundKey("bot_1", "session_2", 0))).isNull();
    }
}
