package com.crashanalytics.simulator.crash;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.crashanalytics.simulator.Seeds;

/**
 * Provably fair crash points, as crash games publish them: the operator commits to a secret server seed by
 * publishing its SHA-256 hash before play; the player supplies a client seed; round n crashes at the point drawn
 * from the first 52 bits of {@code HMAC-SHA256(key = server seed, message = clientSeed + ":" + n)}. Once the server
 * seed is revealed anyone can check the commitment and recompute every round ({@link #verify}).
 *
 * <p>Seeds are text: the HMAC key is the UTF-8 bytes of the server seed string (typically 64 hex digits), as on
 * the common verifiers.
 */
public final class ProvablyFairCrashPoints implements CrashPointGenerator {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private final CrashDistribution distribution;
    private final String serverSeed;
    private final String clientSeed;
    private final Mac mac;
    private long nextNonce;

    public ProvablyFairCrashPoints(CrashDistribution distribution, String serverSeed, String clientSeed, long firstNonce) {
        if (serverSeed.isEmpty()) {
            throw new IllegalArgumentException("the server seed must not be empty");
        }
        if (firstNonce < 0) {
            throw new IllegalArgumentException("nonces start at 0 or above, got " + firstNonce);
        }
        this.distribution = distribution;
        this.serverSeed = serverSeed;
        this.clientSeed = clientSeed;
        this.mac = macKeyedWith(serverSeed);
        this.nextNonce = firstNonce;
    }

    /** A fresh secret server seed: 32 random bytes as 64 hex digits. */
    public static String newServerSeed(SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    /** The commitment published before play: SHA-256 of the server seed, in hex. */
    public static String commitmentTo(String serverSeed) {
        return HexFormat.of().formatHex(Seeds.sha256(serverSeed.getBytes(StandardCharsets.UTF_8)));
    }

    /** The crash point of round {@code nonce} for these seeds. */
    public static CrashPoint crashPoint(CrashDistribution distribution, String serverSeed, String clientSeed, long nonce) {
        return distribution.crashPoint(nonce, drawBits(macKeyedWith(serverSeed), clientSeed, nonce));
    }

    /**
     * Whether a revealed server seed matches its published commitment and yields the claimed crash multiplier for
     * this client seed and nonce.
     */
    public static boolean verify(CrashDistribution distribution, String serverSeed, String commitment, String clientSeed,
                                 long nonce, BigDecimal claimedMultiplier) {
        boolean committed = MessageDigest.isEqual(
                commitmentTo(serverSeed).getBytes(StandardCharsets.US_ASCII),
                commitment.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        return committed
                && crashPoint(distribution, serverSeed, clientSeed, nonce).multiplier().compareTo(claimedMultiplier) == 0;
    }

    @Override
    public CrashPoint next() {
        long nonce = nextNonce++;
        return distribution.crashPoint(nonce, drawBits(mac, clientSeed, nonce));
    }

    @Override
    public CrashDistribution distribution() {
        return distribution;
    }

    public String serverSeedCommitment() {
        return commitmentTo(serverSeed);
    }

    public String clientSeed() {
        return clientSeed;
    }

    /** The first 52 bits of the HMAC: its first 13 hex digits. */
    private static long drawBits(Mac mac, String clientSeed, long nonce) {
        byte[] digest = mac.doFinal((clientSeed + ":" + nonce).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong() >>> (Long.SIZE - CrashDistribution.BITS);
    }

    private static Mac macKeyedWith(String serverSeed) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(serverSeed.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has " + HMAC_SHA256, e);
        }
    }
}
