package com.crashanalytics.domain.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Issue a new API key. Self-validating: a label; a role; bot ids exactly for a BOT key (each a valid bot id,
 * duplicates dropped).
 */
public record IssueApiKeyCommand(String label, ApiKeyRole role, List<String> botIds) {

    public static final int MAX_LABEL_LENGTH = 100;
    /** A key for a fleet is fine; a key for everything is what DASHBOARD or ADMIN is for. */
    public static final int MAX_BOTS_PER_KEY = 1000;
    static final int MAX_BOT_ID_LENGTH = 50;

    public IssueApiKeyCommand(@Nullable String label, @Nullable ApiKeyRole role, @Nullable List<String> botIds) {
        List<String> bots = botIds == null ? List.of() : botIds;
        Violations violations = new Violations().identifier("label", label, MAX_LABEL_LENGTH);
        if (role == null) {
            violations.add("role", "REQUIRED", "is required");
        } else if (role == ApiKeyRole.BOT) {
            violations.check(!bots.isEmpty(), "botIds", "BOT_IDS_REQUIRED",
                    "a BOT key must name the bots it acts for");
        } else {
            violations.check(bots.isEmpty(), "botIds", "BOT_IDS_ONLY_FOR_BOT",
                    "only a BOT key is bound to bots; a " + role + " key " + switch (role) {
                                case ADMIN -> "may act for every bot";
                                case METRICS -> "reads metrics only";
                                case PREDICTOR -> "logs predictions about games, not bots";
                                default -> "reads every bot";
                            });
        }
        violations.check(bots.size() <= MAX_BOTS_PER_KEY, "botIds", "MAX_SIZE",
                "at most " + MAX_BOTS_PER_KEY + " bots per key (got " + bots.size() + ")");
        for (int i = 0; i < bots.size() && i < MAX_BOTS_PER_KEY; i++) {
            violations.identifier("botIds[" + i + "]", bots.get(i), MAX_BOT_ID_LENGTH);
        }
        violations.throwIfAny();
        this.label = label;
        this.role = role;
        this.botIds = List.copyOf(new LinkedHashSet<>(new ArrayList<>(bots)));
    }
}
