package com.crashanalytics.benchmarks.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Statement texts as pg_stat_statements showed them in a dashboard count (2026-12-08), constants as $n. */
class RateLimitTakesTest {

    @Test
    void theSharedRateLimitsTakeIsToldApartFromTheKeysLookUpAndTheReads() {
        assertThat(RateLimitTakes.takes("INSERT INTO rate_limit_token_buckets AS bucket (id, tokens, refilled_at, "
                + "granted, taken) VALUES ($1, $2 - $3, clock_timestamp(), $4, $5)")).isTrue();
        assertThat(RateLimitTakes.takes("SELECT id, label, role, key_prefix, bot_ids, created_at, last_used_at, "
                + "revoked_at, key_hash FROM api_keys WHERE key_hash = $1")).isFalse();
        assertThat(RateLimitTakes.takes("SELECT page.* FROM unnest(CAST($1 AS text[])) WITH ORDINALITY AS "
                + "parent(parent_key, parent_position)")).isFalse();
    }
}
