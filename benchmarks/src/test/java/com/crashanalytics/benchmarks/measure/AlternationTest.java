package com.crashanalytics.benchmarks.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crashanalytics.benchmarks.measure.Alternation.Contender;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlternationTest {

    @Test
    void contenders_take_turns_trial_by_trial_after_one_unmeasured_warm_up_each() throws Exception {
        List<String> ran = new ArrayList<>();
        List<Contender> contenders = List.of(contender("a", 100, ran), contender("b", 200, ran));
        Alternation alternation = new Alternation(() -> CpuTime.NONE, () -> "0.00");

        Alternation.warmUp(contenders);
        Map<String, Series> series = alternation.run(3, contenders);

        assertThat(ran).containsExactly("a0", "b0", "a1", "b1", "a2", "b2", "a3", "b3");
        assertThat(series.get("a").trials()).hasSize(3);
        // a does 100 operations per trial and b 200, each in one second: a's throughput is half of b's every time.
        assertThat(Alternation.throughputRatios(series.get("a"), series.get("b"))).containsExactly(0.5, 0.5, 0.5);
        assertThat(series.get("b").operationsPerSecond()).isEqualTo(200.0);
    }

    private static Contender contender(String name, long operations, List<String> ran) {
        return new Contender(name, trial -> () -> {
            ran.add(name + trial);
            Latencies latencies = new Latencies();
            latencies.record(1_000_000);
            return new Trial(operations, 1_000_000_000L, latencies);
        });
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertThat(Alternation.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Alternation.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Alternation.median(List.of())).isNaN();
    }

    @Test
    void latencies_merge_and_answer_percentiles_in_milliseconds() {
        Latencies one = new Latencies();
        Latencies other = new Latencies();
        for (int ms = 1; ms <= 50; ms++) {
            one.record(ms * 1_000_000L);
            other.record((50 + ms) * 1_000_000L);
        }

        Latencies all = one.add(other);

        // 1..100 ms, one each: p50 is 50 ms and p99 99 ms, within HdrHistogram's 3 significant digits.
        assertThat(all.count()).isEqualTo(100);
        assertThat(all.millisAt(50)).isCloseTo(50, org.assertj.core.data.Offset.offset(0.1));
        assertThat(all.millisAt(99)).isCloseTo(99, org.assertj.core.data.Offset.offset(0.1));
        assertThat(new Latencies().millisAt(50)).isNaN();
    }
}
