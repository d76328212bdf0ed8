package com.crashanalytics.domain.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.crashanalytics.domain.common.paging.SortOrder.KeyPart;
import org.junit.jupiter.api.Test;

class CursorTest {

    static final SortOrder BY_START = SortOrder.of("rounds-by-start", KeyPart.TIME, KeyPart.UUID);
    static final SortOrder BY_NUMBER = SortOrder.of("rounds-by-number", KeyPart.NUMBER);
    static final Instant START = Instant.parse("2026-11-21T14:03:00.123456Z");
    static final UUID ID = UUID.fromString("019a9f2e-7c3b-7def-8123-456789abcdef");

    @Test
    void aCursorReadsBackAsTheSameKeyToTheMicrosecond() {
        Cursor cursor = new Cursor(BY_START, SortDirection.ASC, List.of(START, ID));

        Cursor read = Cursor.decode(cursor.encode(), BY_START, SortDirection.ASC);

        assertThat(read).isEqualTo(cursor);
        assertThat(read.time(0)).isEqualTo(START);
        assertThat(read.uuid(1)).isEqualTo(ID);
    }

    @Test
    void aCursorIsAnOpaqueUrlSafeToken() {
        String token = new Cursor(BY_NUMBER, SortDirection.DESC, List.of(42L)).encode();

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(token, BY_NUMBER, SortDirection.DESC).number(0)).isEqualTo(42L);
    }

    @Test
    void aCursorOfAnotherListOrDirectionIsRefused() {
        String token = new Cursor(BY_START, SortDirection.ASC, List.of(START, ID)).encode();

        assertThatThrownBy(() -> Cursor.decode(token, BY_NUMBER, SortDirection.ASC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("this list");
        assertThatThrownBy(() -> Cursor.decode(token, SortOrder.of("errors-by-time", KeyPart.TIME, KeyPart.UUID),
                SortDirection.ASC)).hasMessageContaining("another list");
        assertThatThrownBy(() -> Cursor.decode(token, BY_START, SortDirection.DESC))
                .hasMessageContaining("other direction");
    }

    @Test
    void anAlteredOrMadeUpTokenIsRefused() {
        String altered = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("rounds-by-start:ASC:yesterday:not-a-uuid".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Cursor.decode(altered, BY_START, SortDirection.ASC)).hasMessageContaining("altered");
        assertThatThrownBy(() -> Cursor.decode("not base64!", BY_START, SortDirection.ASC))
                .hasMessageContaining("is not a cursor");
        assertThatThrownBy(() -> Cursor.decode("x".repeat(501), BY_START, SortDirection.ASC))
                .hasMessageContaining("too long");
    }

    @Test
    void aKeyMustHaveTheOrdersTypes() {
        assertThatThrownBy(() -> new Cursor(BY_START, SortDirection.ASC, List.of(ID, START)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cursor(BY_NUMBER, SortDirection.ASC, List.of(1L, 2L)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
