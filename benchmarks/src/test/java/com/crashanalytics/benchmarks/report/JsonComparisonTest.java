package com.crashanalytics.benchmarks.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonComparisonTest {

    @Test
    void numbers_compare_by_value_and_members_in_any_order() {
        assertThat(JsonComparison.difference(
                JsonComparison.parse("{\"a\": 10, \"b\": [1.5, \"x\"], \"c\": null}"),
                JsonComparison.parse("{\"c\": null, \"b\": [1.50000000, \"x\"], \"a\": 10.0}"))).isEmpty();
    }

    @Test
    void names_the_path_of_the_first_difference() {
        assertThat(JsonComparison.difference(
                JsonComparison.parse("{\"bots\": [{\"rounds\": [{\"pl\": -10}]}]}"),
                JsonComparison.parse("{\"bots\": [{\"rounds\": [{\"pl\": -10.01}]}]}")))
                .contains("$.bots[0].rounds[0].pl: -10 vs -10.01");
        assertThat(JsonComparison.difference(JsonComparison.parse("[1, 2]"), JsonComparison.parse("[2, 1]")))
                .contains("$[0]: 1 vs 2");
        assertThat(JsonComparison.difference(JsonComparison.parse("[1]"), JsonComparison.parse("[1, 2]")))
                .contains("$: 1 elements vs 2");
        assertThat(JsonComparison.difference(JsonComparison.parse("{\"a\": 1}"), JsonComparison.parse("{\"a\": 1, \"b\": 2}")))
                .contains("$: members [a] vs [a, b]");
    }

    @Test
    void a_subset_comparison_ignores_members_only_the_actual_has_but_not_missing_ones() {
        var expected = JsonComparison.parse("{\"rounds\": 3, \"drawdown\": {\"amount\": 5}}");

        assertThat(JsonComparison.differenceIn(expected, JsonComparison.parse(
                "{\"rounds\": 3, \"sharpe\": 0.1, \"drawdown\": {\"amount\": 5.0, \"troughAt\": \"2026-01-01\"}}")))
                .isEmpty();
        assertThat(JsonComparison.differenceIn(expected, JsonComparison.parse("{\"rounds\": 3}")))
                .contains("$.drawdown: missing");
    }
}
