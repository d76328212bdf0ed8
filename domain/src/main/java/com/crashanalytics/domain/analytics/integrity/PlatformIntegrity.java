package com.crashanalytics.domain.analytics.integrity;

/** The answer of a platform integrity check: the payout CUSUM and the bots' OCR agreement on the same platform. */
public record PlatformIntegrity(PlatformIntegrityQuery query, PayoutCusum payout, OcrAgreement ocrAgreement) {

    public String game() {
        return query.game();
    }

    public String platform() {
        return query.platform();
    }
}
