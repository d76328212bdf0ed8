package com.crashanalytics.domain.diagnostics;

import java.util.LinkedHashMap;
import java.util.Map;

import com.crashanalytics.domain.common.Fingerprint;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/** Log one OCR read, with or without a session or round. Self-validating. */
public record LogOcrValidationCommand(DiagnosticTarget target, OcrReading reading) {

    public LogOcrValidationCommand {
        Violations violations = new Violations();
        target.check(violations);
        violations.addAll(reading.violations(target.receivedAt())).throwIfAny();
    }

    /** The read as submitted. */
    public String fingerprint() {
        Map<String, @Nullable Object> content = new LinkedHashMap<>();
        content.put("botId", target.botId());
        content.put("sessionId", target.sessionId());
        content.put("roundNumber", target.roundNumber());
        content.put("clientEventId", target.clientEventId());
        content.put("reading", reading.content());
        return Fingerprint.of("ocrValidation", content);
    }
}
