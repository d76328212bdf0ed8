package com.crashanalytics.benchmarks.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.crashanalytics.benchmarks.measure.CpuTime;
import org.junit.jupiter.api.Test;

/** The probe tells the collector's and the JIT compilers' CPU apart from the rest of a JVM's, by its threads' names. */
class ProcessProbeTest {

    @Test
    void theCollectorsThreadsAreKnownByName() {
        assertThat(List.of("GC Thread#0", "GC Thread#1", "G1 Conc#0", "G1 Refine#0", "G1 Main Marker", "VM Thread"))
                .allMatch(ProcessProbe::isCollector);
        assertThat(List.of("C2 CompilerThre", "C1 CompilerThre", "http-nio-8080-e", "main", "VM Periodic Tas",
                "Signal Dispatch", "HikariPool-1 ho"))
                .noneMatch(ProcessProbe::isCollector);
    }

    @Test
    void theCompilersThreadsAreKnownByName() {
        assertThat(List.of("C2 CompilerThre", "C1 CompilerThre")).allMatch(ProcessProbe::isCompiler);
        assertThat(List.of("GC Thread#0", "VM Thread", "http-nio-8080-e", "main", "Sweeper thread", "live-feed"))
                .noneMatch(ProcessProbe::isCompiler);
    }

    @Test
    void whatTheCompilersSpentSinceTheJvmStartedIsWithinTheJvmsCpu() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "reads /proc (Linux)");
        try (ProcessProbe probe = new ProcessProbe(ProcessHandle.current().pid(), Optional::empty)) {
            // JUnit's start compiled plenty already; hot formatting makes sure the compilers worked (C1, then C2).
            long formatted = 0;
            for (int i = 0; i < 200_000; i++) {
                formatted += String.format(Locale.ROOT, "%08.3f", i / 7.0).length();
            }
            CpuTime sinceStart = probe.cpu();

            assertThat(formatted).as("8 characters up to 9999.857, 9 from 10000.000 on").isEqualTo(1_730_000);
            assertThat(sinceStart.gatewayCompilerNanos()).as("compilers").isPositive();
            assertThat(sinceStart.gatewayCompilerNanos() + sinceStart.gatewayCollectorNanos())
                    .as("compilers and collector within the JVM").isLessThanOrEqualTo(sinceStart.gatewayNanos());
        }
    }

    @Test
    void fullCollectionsOfALargeHeapShowAsTheCollectorsCpuWithinTheJvms() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "reads /proc (Linux)");
        try (ProcessProbe probe = new ProcessProbe(ProcessHandle.current().pid(), Optional::empty)) {
            CpuTime before = probe.cpu();
            List<int[]> live = new ArrayList<>();
            for (int i = 0; i < 2_000_000; i++) {
                live.add(new int[8]);
            }
            for (int i = 0; i < 5; i++) {
                System.gc();
            }
            CpuTime spent = probe.cpu().minus(before);

            assertThat(live).hasSize(2_000_000);
            assertThat(spent.gatewayCollectorNanos()).as("collector").isPositive();
            assertThat(spent.gatewayCollectorNanos()).as("collector within the JVM")
                    .isLessThanOrEqualTo(spent.gatewayNanos());
        }
    }
}
