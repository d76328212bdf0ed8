package com.crashanalytics.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.common.JsonDocument;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AuditorTest {

    static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    static final UUID KEY = UUID.fromString("0190a3c4-0000-7000-8000-000000000001");

    enum Kind { FLAT, MARTINGALE }

    record Stakes(BigDecimal base, @Nullable BigDecimal max) {
    }

    record Configured(String name, Kind kind, Stakes stakes, List<String> tags, Instant since, @Nullable Instant until,
                      UUID owner, int steps, boolean enabled, JsonDocument parameters) {
    }

    final List<AuditedChange> stored = new ArrayList<>();
    final AuditTrail trail = stored::add;

    @Test
    void anEntityIsRecordedAsJsonOfItsComponents() {
        Configured before = new Configured("a", Kind.FLAT, new Stakes(new BigDecimal("10.50"), null), List.of("x", "y"),
                NOW, null, KEY, 3, true, JsonDocument.of(java.util.Map.of("k", 1)));
        Configured after = new Configured("a", Kind.MARTINGALE, new Stakes(new BigDecimal("10.50"), BigDecimal.TEN),
                List.of(), NOW, NOW.plusSeconds(60), KEY, 4, false, JsonDocument.of(java.util.Map.of("k", 2)));

        new Auditor(trail, () -> Optional.of(KEY), Clock.fixed(NOW, ZoneOffset.UTC))
                .updated(AuditedEntity.BOT, "a", before, after);

        AuditedChange change = stored.get(0);
        assertThat(change.action()).isEqualTo(AuditAction.UPDATED);
        assertThat(change.keyId()).isEqualTo(KEY);
        assertThat(change.changedAt()).isEqualTo(NOW);
        // Keys sorted; times and ids as text, enums by name, nested records as objects, nulls kept.
        assertThat(change.before().json()).isEqualTo("{\"enabled\":true,\"kind\":\"FLAT\",\"name\":\"a\","
                + "\"owner\":\"0190a3c4-0000-7000-8000-000000000001\",\"parameters\":{\"k\":1},\"since\":\"2026-12-04T08:00:00Z\","
                + "\"stakes\":{\"base\":10.50,\"max\":null},\"steps\":3,\"tags\":[\"x\",\"y\"],\"until\":null}");
        assertThat(change.after().json()).isEqualTo("{\"enabled\":false,\"kind\":\"MARTINGALE\",\"name\":\"a\","
                + "\"owner\":\"0190a3c4-0000-7000-8000-000000000001\",\"parameters\":{\"k\":2},\"since\":\"2026-12-04T08:00:00Z\","
                + "\"stakes\":{\"base\":10.50,\"max\":10},\"steps\":4,\"tags\":[],\"until\":\"2026-12-04T08:01:00Z\"}");
    }

    @Test
    void creationsHaveNoBeforeDeletionsNoAfterAndTheGatewaysOwnWorkNoKey() {
        Auditor auditor = new Auditor(trail, Optional::empty, Clock.fixed(NOW, ZoneOffset.UTC));
        Stakes stakes = new Stakes(BigDecimal.ONE, null);

        auditor.created(AuditedEntity.API_KEY, "k", stakes);
        auditor.deleted(AuditedEntity.ALERT_RULE, "7", stakes);

        assertThat(stored.get(0).before()).isNull();
        assertThat(stored.get(0).after().json()).isEqualTo("{\"base\":1,\"max\":null}");
        assertThat(stored.get(1).after()).isNull();
        assertThat(stored.get(1).action()).isEqualTo(AuditAction.DELETED);
        assertThat(stored).allSatisfy(change -> assertThat(change.keyId()).isNull());
    }
}
