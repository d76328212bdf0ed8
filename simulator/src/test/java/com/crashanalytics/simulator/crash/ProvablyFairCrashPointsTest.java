package com.crashanalytics.simulator.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Provably fair crash points: reproducible from their seeds, verifiable, and equal to an independent derivation. */
class ProvablyFairCrashPointsTest {

    private static final String SERVER_SEED = "3f1c9a7e5b2d4c6e8a0b1d3f5e7c9a2b4d6f8e0a1c3e5b7d9f2a4c6e8b0d1f3a";
    private static final String CLIENT_SEED = "sim-bot-01";
    private static final CrashDistribution LAW = CrashDistribution.STANDARD;

    /**
     * Known answers computed independently (Python: hmac, hashlib and exact fractions), e.g. nonce 1:
     * HMAC-SHA256(key = server seed, "sim-bot-01:1") starts c4f9fa70223c9 = 3465246840857545;
     * 0.97 · 2^52 · 100 / (2^52 − 3465246840857545) = 420.69... → 4.20. Nonce 0 shows 1.00 without being instant
     * (u ≈ 0.0358: 0.97 / 0.9642 ≈ 1.006); nonce 25 (u ≈ 0.0217) is instant; nonce 181 (u ≈ 0.99933) is 1457.56.
     */
    @Test
    void matchesAnIndependentDerivation() {
        ProvablyFairCrashPoints generator = new ProvablyFairCrashPoints(LAW, SERVER_SEED, CLIENT_SEED, 0);

        List<String> first8 = IntStream.range(0, 8).mapToObj(i -> generator.next().multiplier().toPlainString()).toList();

        assertThat(first8).containsExactly("1.00", "4.20", "8.79", "1.70", "5.19", "1.34", "2.38", "2.73");
        assertThat(ProvablyFairCrashPoints.crashPoint(LAW, SERVER_SEED, CLIENT_SEED, 0).instant()).isFalse();
        CrashPoint instant = ProvablyFairCrashPoints.crashPoint(LAW, SERVER_SEED, CLIENT_SEED, 25);
        assertThat(instant.instant()).isTrue();
        assertThat(instant.multiplier()).isEqualByComparingTo("1.00");
        assertThat(ProvablyFairCrashPoints.crashPoint(LAW, SERVER_SEED, CLIENT_SEED, 181).multiplier())
                .isEqualByComparingTo("1457.56");
    }

    @Test
    void theCommitmentIsTheSha256OfTheServerSeed() {
        assertThat(ProvablyFairCrashPoints.commitmentTo(SERVER_SEED))
                .isEqualTo("560df7e59c665ef61597c8dd31081a683354cd373ffdc55097da389a14b6c90f");
        assertThat(new ProvablyFairCrashPoints(LAW, SERVER_SEED, CLIENT_SEED, 0).serverSeedCommitment())
                .isEqualTo(ProvablyFairCrashPoints.commitmentTo(SERVER_SEED));
    }

    @Test
    void theSameSeedsGiveTheSameSequenceAndOtherSeedsAnother() {
        List<CrashPoint> first = draw(new ProvablyFairCrashPoints(LAW, SERVER_SEED, CLIENT_SEED, 0), 1000);
        List<CrashPoint> again = draw(new ProvablyFairCrashPoints(LAW, SERVER_SEED, CLIENT_SEED, 0), 1000);
        List<CrashPoint> otherClient = draw(new ProvablyFairCrashPoints(LAW, SERVER_SEED, "sim-bot-02", 0), 1000);
        List<CrashPoint> otherServer = draw(new ProvablyFairCrashPoints(LAW, SERVER_SEED + "0", CLIENT_SEED, 0), 1000);

        assertThat(again).isEqualTo(first);
        assertThat(otherClient).isNotEqualTo(first);
        assertThat(otherServer).isNotEqualTo(first);
    }

    @Test
    void aSequenceCanResumeAtAnyNonce() {
        List<CrashPoint> fromZero = draw(new ProvablyFairCrashPoints(LAW, SERVER_SEED, CLIENT_SEED, 0), 10);
        List<CrashPoint> fromFive = draw(new ProvablyFairCrashPoints(LAW, SERVER_SEED, CLIENT_SEED, 5), 5);

        assertThat(fromFive).isEqualTo(fromZero.subList(5, 10));
        assertThat(fromFive.get(0).nonce()).isEqualTo(5);
    }

    @Test
    void everyRoundVerifiesOnceTheServerSeedIsRevealedAndTamperingDoesNot() {
        String serverSeed = ProvablyFairCrashPoints.newServerSeed(new SecureRandom());
        ProvablyFairCrashPoints generator = new ProvablyFairCrashPoints(LAW, serverSeed, "player", 0);
        String commitment = generator.serverSeedCommitment();

        for (int i = 0; i < 50; i++) {
            CrashPoint crash = generator.next();
            assertThat(ProvablyFairCrashPoints.verify(LAW, serverSeed, commitment, "player", crash.nonce(),
                    crash.multiplier())).isTrue();
            assertThat(ProvablyFairCrashPoints.verify(LAW, serverSeed, commitment, "player", crash.nonce(),
                    crash.multiplier().add(new BigDecimal("0.01")))).isFalse();
        }
        String otherSeed = ProvablyFairCrashPoints.newServerSeed(new SecureRandom());
        CrashPoint crash = ProvablyFairCrashPoints.crashPoint(LAW, otherSeed, "player", 0);
        assertThat(ProvablyFairCrashPoints.verify(LAW, otherSeed, commitment, "player", 0, crash.multiplier()))
                .as("a server seed other than the committed one").isFalse();
        assertThat(ProvablyFairCrashPoints.verify(LAW, serverSeed, commitment.toUpperCase(), "player", 0,
                ProvablyFairCrashPoints.crashPoint(LAW, serverSeed, "player", 0).multiplier()))
                .as("hex case does not matter").isTrue();
    }

    @Test
    void newServerSeedsAre64HexDigits() {
        assertThat(ProvablyFairCrashPoints.newServerSeed(new SecureRandom())).matches("[0-9a-f]{64}");
    }

    private static List<CrashPoint> draw(CrashPointGenerator generator, int rounds) {
        return IntStream.range(0, rounds).mapToObj(i -> generator.next()).toList();
    }
}
