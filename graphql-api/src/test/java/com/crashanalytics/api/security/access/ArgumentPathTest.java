package com.crashanalytics.api.security.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ArgumentPathTest {

    @Test
    void aPlainPathFindsOneValue() {
        assertThat(ArgumentPath.parse("input.botId").valuesIn(Map.of("input", Map.of("botId", "bot_a"))))
                .containsExactly("bot_a");
    }

    @Test
    void aListPathFansOutOverEveryElement() {
        Map<String, Object> arguments = Map.of("input", Map.of("rounds", List.of(
                Map.of("botId", "bot_a"), Map.of("botId", "bot_b"), Map.of("botId", "bot_a"))));

        assertThat(ArgumentPath.parse("input.rounds[].botId").valuesIn(arguments)).containsExactly("bot_a", "bot_b", "bot_a");
        assertThat(ArgumentPath.parse("botIds[]").valuesIn(Map.of("botIds", List.of("x", "y")))).containsExactly("x", "y");
    }

    @Test
    void whatIsMissingIsReportedAsNullSoNobodyMistakesItForNoBot() {
        Map<String, Object> rounds = Map.of("input", Map.of("rounds", Arrays.asList(
                Map.of("botId", "bot_a"), Map.of("stake", 1))));

        assertThat(ArgumentPath.parse("input.rounds[].botId").valuesIn(rounds)).containsExactly("bot_a", null);
        assertThat(ArgumentPath.parse("input.botId").valuesIn(Map.of())).containsExactly((String) null);
    }

    @Test
    void anEmptyListNamesNothing() {
        assertThat(ArgumentPath.parse("input.rounds[].botId").valuesIn(Map.of("input", Map.of("rounds", List.of()))))
                .isEmpty();
    }

    @Test
    void aPathIsNamesAndBracketsOnly() {
        assertThatThrownBy(() -> ArgumentPath.parse("input..botId")).hasMessageContaining("not an argument path");
        assertThatThrownBy(() -> ArgumentPath.parse("input.rounds[0].botId")).hasMessageContaining("not an argument path");
    }
}
