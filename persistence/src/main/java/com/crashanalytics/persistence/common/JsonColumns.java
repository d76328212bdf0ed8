package com.crashanalytics.persistence.common;

import java.sql.ResultSet;
import java.sql.SQLException;

import com.crashanalytics.domain.common.JsonDocument;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** jsonb columns: written as JSON text cast to jsonb, read back into plain trees with exact decimals. */
public final class JsonColumns {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonColumns() {
    }

    public static @Nullable String text(@Nullable JsonDocument document) {
        return document == null ? null : document.json();
    }

    public static @Nullable JsonDocument document(ResultSet rs, String column) throws SQLException {
        String json = rs.getString(column);
        return json == null ? null : JsonDocument.of(JSON.readValue(json, Object.class));
    }
}
