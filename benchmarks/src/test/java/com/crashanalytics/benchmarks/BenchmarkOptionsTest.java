package com.crashanalytics.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTest {

    @Test
    void full_is_the_default_with_the_sizes_the_issue_names() {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options.mode()).isEqualTo("full");
        assertThat(options.sizes()).containsExactly(100_000L, 1_000_000L);
        assertThat(options.concurrency()).containsExactly(1, 16, 64);
        assertThat(options.phases()).isEqualTo(BenchmarkOptions.ALL_PHASES);
    }

    @Test
    void options_override_the_preset_they_follow() {
        BenchmarkOptions options = BenchmarkOptions.parse("--quick", "--sizes", "5_000, 50000", "--trials", "2",
                "--phases", "batched,analytics", "--gateway-jvm-args", "-Xmx512m -XX:+UseSerialGC", "--out", "/tmp/x");

        assertThat(options.mode()).isEqualTo("quick");
        assertThat(options.sizes()).containsExactly(5_000L, 50_000L);
        assertThat(options.trials()).isEqualTo(2);
        assertThat(options.phases()).isEqualTo(Set.of("batched", "analytics"));
        assertThat(options.gatewayJvmArguments()).containsExactly("-Xmx512m", "-XX:+UseSerialGC");
        assertThat(options.outDirectory()).isEqualTo(Path.of("/tmp/x"));
        // What the preset set and no option changed stays.
        assertThat(options.concurrency()).isEqualTo(BenchmarkOptions.quick().concurrency());
    }

    @Test
    void postgraphile_is_a_phase_of_its_own_with_its_cache_folder() {
        BenchmarkOptions options = BenchmarkOptions.parse("--quick", "--phases", "postgraphile",
                "--postgraphile-cache", "/tmp/pgl");

        assertThat(options.runs("postgraphile")).isTrue();
        assertThat(options.runs("dashboard")).isFalse();
        assertThat(options.postGraphileCache()).isEqualTo(Path.of("/tmp/pgl"));
        assertThat(BenchmarkOptions.full().postGraphileCache().toString())
                .endsWith("crash-analytics-benchmarks/postgraphile-5");
    }

    @Test
    void rejects_what_it_cannot_run() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--sizes", "1000000,100000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--phases", "batched,everything"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--phases");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast", "yes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--fast");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--trials"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing value");
    }

    @Test
    void the_rounds_of_a_trial_are_shared_by_the_bots_but_each_sends_a_few() {
        BenchmarkOptions full = BenchmarkOptions.full();

        // 800 rounds per trial: 1 bot sends 800, 16 bots 50 each, 64 bots ceil(800 / 64) = 13 each (at least 12).
        assertThat(List.of(full.roundsPerBot(1), full.roundsPerBot(16), full.roundsPerBot(64)))
                .containsExactly(800, 50, 13);
        // 200 rounds over 64 bots would be 4 each: the minimum of 4 holds; over 100 bots it lifts 2 to 4.
        assertThat(BenchmarkOptions.quick().roundsPerBot(100)).isEqualTo(4);
    }
}
