package com.crashanalytics.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonDocumentTest {

    @Test
    void writesSortedJsonAndKeepsTheTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("strategy", "compound_1.33x");
        tree.put("acceleration", new BigDecimal("0.089"));
        tree.put("steps", List.of(1, 2, 3));

        JsonDocument document = JsonDocument.of(tree);

        assertThat(document.json()).isEqualTo("{\"acceleration\":0.089,\"steps\":[1,2,3],\"strategy\":\"compound_1.33x\"}");
        assertThat(document.tree()).isSameAs(tree);
        assertThat(document.problemWith("metadata")).isNull();
    }

    @Test
    void twentyLevelsAreFineTwentyOneAreNot() {
        assertThat(JsonDocument.of(nested(20)).problemWith("metadata")).isNull();

        Violation problem = JsonDocument.of(nested(21)).problemWith("metadata");

        assertThat(problem.field()).isEqualTo("metadata");
        assertThat(problem.rule()).isEqualTo("MAX_DEPTH");
    }

    @Test
    void sixtyFourKibibytesAreFineOneByteMoreIsNot() {
        // {"a":"…"} is 8 bytes around the text
        String fits = "x".repeat(64 * 1024 - 8);
        assertThat(JsonDocument.of(Map.of("a", fits)).problemWith("metadata")).isNull();

        Violation problem = JsonDocument.of(Map.of("a", fits + "x")).problemWith("metadata");

        assertThat(problem.rule()).isEqualTo("MAX_SIZE");
    }

    @Test
    void multiByteCharactersCountAsTheirUtf8Bytes() {
        // "é" is two bytes in UTF-8: half as many fit
        assertThat(JsonDocument.of(Map.of("a", "é".repeat(32 * 1024))).problemWith("m").rule()).isEqualTo("MAX_SIZE");
    }

    @Test
    void refusesNulCharactersAndNonFiniteNumbers() {
        assertThat(JsonDocument.of(Map.of("a", "bad\u0000")).problemWith("m").rule()).isEqualTo("NO_NUL_CHARACTERS");
        assertThat(JsonDocument.of(List.of(Double.NaN)).problemWith("m").rule()).isEqualTo("FINITE_NUMBER");
        assertThat(JsonDocument.of(List.of(new BigDecimal("1E+100000"))).problemWith("m").rule())
                .isEqualTo("JSON_NUMBER_RANGE");
    }

    @Test
    void equalContentIsEqualWhateverTheKeyOrderAndNumberSpelling() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("a", new BigDecimal("1.50"));
        one.put("b", 2);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("b", new BigDecimal("2.0"));
        other.put("a", new BigDecimal("1.5"));

        assertThat(JsonDocument.of(one)).isEqualTo(JsonDocument.of(other));
        assertThat(Fingerprint.of("x", Map.of("m", JsonDocument.of(one))))
                .isEqualTo(Fingerprint.of("x", Map.of("m", JsonDocument.of(other))));
        assertThat(Fingerprint.of("x", Map.of("m", JsonDocument.of(one))))
                .isNotEqualTo(Fingerprint.of("y", Map.of("m", JsonDocument.of(one))));
    }

    private static Object nested(int depth) {
        Object tree = "leaf";
        for (int i = 0; i < depth; i++) {
            List<Object> level = new ArrayList<>();
            level.add(tree);
            tree = level;
        }
        return tree;
    }
}
