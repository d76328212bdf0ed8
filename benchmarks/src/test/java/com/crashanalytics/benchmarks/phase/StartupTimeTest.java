package com.crashanalytics.benchmarks.phase;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.benchmarks.gateway.GatewayProcess.Launch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class StartupTimeTest {

    private static Launch launch(Object... stagesAndSeconds) {
        Map<String, Double> stages = new LinkedHashMap<>();
        for (int i = 0; i < stagesAndSeconds.length; i += 2) {
            stages.put((String) stagesAndSeconds[i], (Double) stagesAndSeconds[i + 1]);
        }
        return new Launch(Duration.ofSeconds(30), Duration.ofSeconds(20), stages);
    }

    @Test
    void each_stage_is_the_median_over_the_launches_that_logged_it_in_the_order_stages_happen() {
        List<Launch> launches = List.of(
                launch("jvm", 4.0, "context", 10.0, "liquibase", 2.0),
                launch("jvm", 6.0, "context", 14.0),
                launch("jvm", 5.0, "context", 11.0, "liquibase", 3.0));

        assertThat(StartupTime.medianStages(launches)).containsExactly(
                entry("jvm", 5.0), entry("context", 11.0), entry("liquibase", 2.5));
    }
}
