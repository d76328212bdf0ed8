package com.crashanalytics.benchmarks.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTableTest {

    private static final Machine MACHINE = new Machine(2, 24_105, "AMD EPYC", "Linux", "OpenJDK 17", "17.6",
            List.of(), "load average: 1.00", "load average: 2.00");

    @Test
    void prints_the_machine_then_one_aligned_line_per_row_with_ratio_range_and_verdict() {
        Row ingest = Row.compared("ingest, batched", "logRounds", "rounds/s", 12_345.6, "JDBC batch", 24_691.2)
                .ratio(0.5, 0.45, 0.55).target(">= 0.5x", true);
        Row copy = Row.compared("ingest, batched", "logRounds", "rounds/s", 12_345.6, "COPY", 61_728);
        Row memory = Row.absolute("memory", "peak RSS", "MB", 553);
        Report report = new Report(1, "2026-11-23T03:54:28Z", "2026-11-23T04:10:00Z", "full", Map.of(), MACHINE,
                List.of(ingest, copy, memory), List.of(new PhaseLog("ingest, batched", 61.2, "1.0", "2.0", 512)),
                List.of("same rows"), List.of("a note"));

        String table = ReportTable.format(report);

        assertThat(table).contains("full mode, 2026-11-23T03:54:28Z to 2026-11-23T04:10:00Z")
                .contains("Machine: 2 cores (AMD EPYC), 24,105 MB RAM")
                .contains("Gateway JVM options: none (JVM defaults)")
                .contains("check: same rows").contains("note: a note");
        List<String> lines = table.lines().filter(line -> line.contains("logRounds")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("ingest, batched").contains("12,346").contains("24,691").contains("0.50x")
                .contains("0.45x - 0.55x").contains(">= 0.5x").endsWith("MET");
        // The section is named once; numbers are right-aligned, so both rows' figures end in the same column.
        assertThat(lines.get(1)).startsWith(" ").contains("0.20x");
        assertThat(lines.get(0).indexOf("12,346")).isEqualTo(lines.get(1).indexOf("12,346"));
        assertThat(table.lines().filter(line -> line.startsWith("memory")).findFirst().orElseThrow())
                .contains("553").doesNotContain("x ");
    }

    @Test
    void numbers_keep_three_significant_figures_or_the_whole_number() {
        assertThat(List.of(ReportTable.number(12_345.6), ReportTable.number(123.4), ReportTable.number(12.34),
                ReportTable.number(1.234), ReportTable.number(0.1234), ReportTable.number(0)))
                .containsExactly("12,346", "123", "12.3", "1.23", "0.123", "0.00");
    }
}
