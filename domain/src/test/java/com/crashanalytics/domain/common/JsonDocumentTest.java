package com.crashanalytics.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class JsonDocumentTest {

    /** Pins the text every content fingerprint hashes: a change here would make stored rounds' retries conflicts. */
    @Test
    void aCommandsContentIsWrittenCanonicallyAsFingerprintsAlwaysHashedIt() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("b", Instant.parse("2026-03-01T20:00:00.500Z"));
        content.put("a", Arrays.asList(new BigDecimal("1.50"), 10, null, true, 0.25));
        content.put("c", TimeUnit.SECONDS);
        content.put("é", JsonDocument.of(Map.of("z", 1, "y", "x\"q\n")));

        assertThat(JsonDocument.canonicalContent(content)).isEqualTo(
                "{\"a\":[1.5,1E+1,null,true,0.25],\"b\":\"2026-03-01T20:00:00.500Z\",\"c\":\"SECONDS\","
                        + "\"é\":{\"json\":{\"y\":\"x\\\"q\\n\",\"z\":1}}}");
        assertThat(Fingerprint.of("kind", content)).isEqualTo(Fingerprint.of("kind", Map.of("é",
                JsonDocument.of(Map.of("y", "x\"q\n", "z", 1.0)), "c", TimeUnit.SECONDS, "a",
                Arrays.asList(1.5, new BigDecimal("10.0"), null, true, new BigDecimal("0.250")),
                "b", Instant.parse("2026-03-01T21:00:00.5+01:00"))));
    }

    /** Escapes at the start, the end, side by side and alone, every kind, and text with none; the rest as it is. */
    @Test
    void escapesOnlyWhatJsonRequiresWhereverItIs() {
        List<String> texts = List.of("plain text é ✓", "\"quoted\"", "a\\b", "\t\r\n", "x\u0001y\u001fz", "", "end\\");

        assertThat(JsonDocument.canonical(texts)).isEqualTo("[\"plain text é ✓\",\"\\\"quoted\\\"\",\"a\\\\b\","
                + "\"\\t\\r\\n\",\"x\\u0001y\\u001fz\",\"\",\"end\\\\\"]");
    }

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
