package com.crashanalytics.domain.analytics.integrity;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.common.Ratios;
import org.jspecify.annotations.Nullable;

/**
 * How well the bots watching one game and platform agree on the crash points: of the game rounds logged by two
 * observations or more (same round_external_id), the share whose readings all lie within {@code tolerance} of each
 * other. One game, one crash: a disagreement is an OCR misread by at least one of the bots.
 *
 * @param watchedRounds  game rounds with at least two observations
 * @param agreeingRounds those whose highest and lowest readings differ by at most the tolerance
 * @param agreementShare agreeingRounds / watchedRounds, 6 decimals; null without watched rounds
 * @param largestDisagreements the largest disagreements, largest spread first
 */
public record OcrAgreement(BigDecimal tolerance, long watchedRounds, long agreeingRounds,
                           @Nullable BigDecimal agreementShare, List<OcrDisagreement> largestDisagreements) {

    public static OcrAgreement of(BigDecimal tolerance, long watchedRounds, long agreeingRounds,
                                  List<OcrDisagreement> largestDisagreements) {
        return new OcrAgreement(tolerance, watchedRounds, agreeingRounds,
                Ratios.fraction(agreeingRounds, watchedRounds), List.copyOf(largestDisagreements));
    }
}
