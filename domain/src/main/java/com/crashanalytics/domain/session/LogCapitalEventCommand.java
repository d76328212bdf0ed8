package com.crashanalytics.domain.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.crashanalytics.domain.common.DecimalLimits;
import com.crashanalytics.domain.common.Fingerprint;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Report a deposit into or a withdrawal out of a session's bankroll. Self-validating: every field is checked at once
 * and all problems are reported together.
 *
 * @param receivedAt    when the gateway received it: the default of {@code occurredAt}
 * @param clientEventId the bot's id for the event, unique per bot: a retry with the same id writes nothing
 * @param amount        &gt; 0, an amount of money
 * @param occurredAt    when the money moved; defaults to {@code receivedAt}
 * @param note          free text, e.g. why
 */
public record LogCapitalEventCommand(Instant receivedAt, String botId, String sessionId, String clientEventId,
                                     CapitalEventKind kind, BigDecimal amount, @Nullable Instant occurredAt,
                                     @Nullable String note) {

    public static final int MAX_NOTE_LENGTH = 500;

    public LogCapitalEventCommand {
        new Violations()
                .identifier("botId", botId, 50)
                .identifier("sessionId", sessionId, 100)
                .identifier("clientEventId", clientEventId, 100)
                .check(kind != null, "kind", "REQUIRED", "must be DEPOSIT or WITHDRAWAL")
                .check(amount != null && amount.signum() > 0, "amount", "POSITIVE",
                        "must be above 0 (got " + (amount == null ? "nothing" : amount.toPlainString()) + ")")
                .amount("amount", amount, DecimalLimits.MONEY)
                .time("occurredAt", occurredAt, receivedAt)
                .text("note", note, MAX_NOTE_LENGTH)
                .throwIfAny();
    }

    /** When the money moved: as reported, else when the gateway received the report. */
    public Instant effectiveTime() {
        return occurredAt != null ? occurredAt : receivedAt;
    }

    /** The event as submitted. */
    public String fingerprint() {
        Map<String, @Nullable Object> content = new LinkedHashMap<>();
        content.put("botId", botId);
        content.put("sessionId", sessionId);
        content.put("clientEventId", clientEventId);
        content.put("kind", kind);
        content.put("amount", amount);
        content.put("occurredAt", occurredAt);
        content.put("note", note);
        return Fingerprint.of("capitalEvent", content);
    }
}
