package com.crashanalytics.domain.round;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.session.LedgerEntry;
import com.crashanalytics.domain.session.RoundStanding;
import com.crashanalytics.domain.session.Session;
import org.jspecify.annotations.Nullable;

/**
 * A round as stored ({@code crash_game_rounds}): what the bot reported, in the seed's sections, completed with what
 * the gateway derived ({@link Settlement}) and the round's {@link RoundAnalytics}. Insert-only: once logged, only
 * what depends on the rounds before it (the balance-continuity flag and the analytics' streaks, category and
 * balance) is ever restated, when an earlier-numbered round arrives late.
 * <p>
 * Its analytics are null only in a list read that left them out because nobody asked
 * ({@link RoundReadModel.Analytics#LEFT_OUT}): reading them costs a second table's row per round. Rounds logged,
 * looked up by key or id, or restated always carry them ({@link #requiredAnalytics()}). Likewise a list read may
 * leave out what a document does not show of a round ({@link RoundReadModel.Detail}): such a round holds null there,
 * an empty set of flags and no retries, and is only ever shown, never written or worked on.
 */
public record Round(
        UUID id,
        String botId,
        String sessionId,
        String gameName,
        String platformCode,
        int roundNumber,
        @Nullable String roundExternalId,
        Instant roundStartTimestamp,
        @Nullable Instant roundEndTimestamp,
        @Nullable BigDecimal durationSeconds,
        BigDecimal stakeValue,
        @Nullable String strategyName,
        @Nullable Integer strategyStep,
        @Nullable BigDecimal targetMultiplier,
        @Nullable BigDecimal crashMultiplier,
        @Nullable BigDecimal cashoutMultiplier,
        @Nullable BigDecimal finalMultiplier,
        @Nullable String multiplierSource,
        @Nullable BigDecimal cashoutAmount,
        BigDecimal profitLoss,
        @Nullable BigDecimal runningBalanceBefore,
        @Nullable BigDecimal runningBalanceAfter,
        @Nullable BigDecimal roiPercent,
        @Nullable String ocrText,
        @Nullable BigDecimal ocrCleanedValue,
        @Nullable Double ocrConfidence,
        @Nullable Double cashoutDetectionConfidence,
        @Nullable String screenshotReferenceId,
        RoundOutcome roundOutcome,
        @Nullable String errorType,
        @Nullable String errorDescription,
        @Nullable String recoveryActionTaken,
        int retryCount,
        @Nullable JsonDocument metadata,
        Set<DataQualityFlag> dataQualityFlags,
        String contentFingerprint,
        Instant loggedAt,
        @Nullable RoundAnalytics analytics) {

    public Round {
        dataQualityFlags = dataQualityFlags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(dataQualityFlags));
    }

    /**
     * A reported round as it is stored in its session: game, platform and strategy default to the session's, the
     * start to the time received (or the end, when that is earlier).
     *
     * @param fingerprint the report's {@link RoundReport#fingerprint()}, which the caller has computed already
     */
    static Round logged(UUID id, UUID analyticsId, RoundReport report, String fingerprint, Session session,
                        Settlement settlement, RoundStanding standing, Set<DataQualityFlag> localFlags,
                        Instant receivedAt) {
        Instant start = startOf(report, receivedAt);
        Set<DataQualityFlag> flags = EnumSet.noneOf(DataQualityFlag.class);
        flags.addAll(localFlags);
        if (standing.balanceDiscontinuity()) {
            flags.add(DataQualityFlag.BALANCE_DISCONTINUITY);
        }
        return new Round(id, report.botId(), report.sessionId(), session.gameName(), session.platformCode(),
                report.roundNumber(), report.roundExternalId(), start, report.roundEndTimestamp(),
                settlement.durationSeconds(), settlement.stake(),
                report.strategyName() != null ? report.strategyName() : session.strategyName(), report.strategyStep(),
                report.targetMultiplier(), report.crashMultiplier(), report.cashoutMultiplier(), report.finalMultiplier(),
                report.multiplierSource(), settlement.cashoutAmount(), settlement.profitLoss(),
                report.runningBalanceBefore(), report.runningBalanceAfter(), settlement.roiPercent(), report.ocrText(),
                report.ocrCleanedValue(), report.ocrConfidence(), report.cashoutDetectionConfidence(),
                report.screenshotReferenceId(), report.roundOutcome(), report.errorType(), report.errorDescription(),
                report.recoveryActionTaken(), report.retryCount() == null ? 0 : report.retryCount(), report.metadata(),
                flags, fingerprint, receivedAt, RoundAnalytics.of(analyticsId, settlement, standing, start));
    }

    /** When a round without a reported start started, as far as the gateway can tell. */
    static Instant startOf(RoundReport report, Instant receivedAt) {
        if (report.roundStartTimestamp() != null) {
            return report.roundStartTimestamp();
        }
        Instant end = report.roundEndTimestamp();
        return end != null && end.isBefore(receivedAt) ? end : receivedAt;
    }

    /** What the session's totals need to know about this round. */
    LedgerEntry ledgerEntry() {
        return ledgerEntry(roundNumber, roundOutcome, stakeValue, profitLoss, runningBalanceBefore, runningBalanceAfter);
    }

    static LedgerEntry ledgerEntry(int roundNumber, RoundOutcome outcome, BigDecimal stake, BigDecimal profitLoss,
                                   @Nullable BigDecimal balanceBefore, @Nullable BigDecimal balanceAfter) {
        LedgerEntry.Kind kind = switch (outcome) {
            case WIN -> LedgerEntry.Kind.WIN;
            case LOSS -> LedgerEntry.Kind.LOSS;
            case SKIP -> LedgerEntry.Kind.SKIP;
            case ERROR -> LedgerEntry.Kind.ERROR;
        };
        return new LedgerEntry(roundNumber, kind, stake, profitLoss, balanceBefore, balanceAfter);
    }

    /**
     * Its analytics, for code given rounds that carry them (logged, looked up, restated): every round has them, so
     * one read without them here is a mistake in the caller, not a missing value.
     */
    public RoundAnalytics requiredAnalytics() {
        if (analytics == null) {
            throw new IllegalStateException("round " + id + " was read without its analytics");
        }
        return analytics;
    }

    public RoundKey key() {
        return new RoundKey(botId, sessionId, roundNumber);
    }

    /** Its id with its start time, by which the rows that belong to it are found ({@link LoggedRoundKey}). */
    public LoggedRoundKey loggedKey() {
        return new LoggedRoundKey(id, roundStartTimestamp);
    }

    /**
     * Flags that concern the round alone: a bot-reported balance pair that does not add up, and a crash point
     * the platform cannot show.
     */
    static Set<DataQualityFlag> localFlags(RoundReport report, Settlement settlement, boolean crashWithinPlatformRange) {
        Set<DataQualityFlag> flags = EnumSet.noneOf(DataQualityFlag.class);
        BigDecimal before = report.runningBalanceBefore();
        BigDecimal after = report.runningBalanceAfter();
        if (before != null && after != null
                && !Settlement.agreesToSentPrecision(after, before.add(settlement.profitLoss()))) {
            flags.add(DataQualityFlag.BALANCE_MISMATCH);
        }
        if (!crashWithinPlatformRange) {
            flags.add(DataQualityFlag.MULTIPLIER_OUTSIDE_PLATFORM_RANGE);
        }
        return flags;
    }

    /** This round with what depends on the rounds before it recomputed, or itself when nothing changed. */
    Round restated(RoundStanding standing) {
        Set<DataQualityFlag> flags = EnumSet.noneOf(DataQualityFlag.class);
        flags.addAll(dataQualityFlags);
        if (standing.balanceDiscontinuity()) {
            flags.add(DataQualityFlag.BALANCE_DISCONTINUITY);
        } else {
            flags.remove(DataQualityFlag.BALANCE_DISCONTINUITY);
        }
        RoundAnalytics analytics = requiredAnalytics();
        OutcomeCategory category = OutcomeCategory.of(profitLoss, stakeValue, standing.balanceBefore());
        if (flags.equals(dataQualityFlags) && category == analytics.outcomeCategory()
                && standing.winStreak() == analytics.winStreakLength()
                && standing.lossStreak() == analytics.lossStreakLength()
                && standing.balanceAfter().compareTo(analytics.balanceAfter()) == 0) {
            return this;
        }
        RoundAnalytics restatedAnalytics = analytics.restated(category, standing);
        return new Round(id, botId, sessionId, gameName, platformCode, roundNumber, roundExternalId,
                roundStartTimestamp, roundEndTimestamp, durationSeconds, stakeValue, strategyName, strategyStep,
                targetMultiplier, crashMultiplier, cashoutMultiplier, finalMultiplier, multiplierSource, cashoutAmount,
                profitLoss, runningBalanceBefore, runningBalanceAfter, roiPercent, ocrText, ocrCleanedValue,
                ocrConfidence, cashoutDetectionConfidence, screenshotReferenceId, roundOutcome, errorType,
                errorDescription, recoveryActionTaken, retryCount, metadata, flags, contentFingerprint, loggedAt,
                restatedAnalytics);
    }
}
