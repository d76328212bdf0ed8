package com.crashanalytics.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report as text: the machine, then one line per row, columns aligned, sections in the order measured. */
public final class ReportTable {

    private static final String[] HEADER = {"section", "benchmark", "metric", "gateway", "baseline", "baseline value",
            "ratio", "per-trial range", "target", ""};

    private ReportTable() {
    }

    public static String format(Report report) {
        StringBuilder out = new StringBuilder();
        Machine machine = report.machine();
        out.append("Crash Analytics Gateway benchmarks, ").append(report.mode()).append(" mode, ")
                .append(report.startedAt()).append(" to ").append(report.finishedAt()).append('\n');
        out.append("Machine: ").append(machine.cores()).append(" cores (").append(machine.cpu()).append("), ")
                .append(String.format(Locale.ROOT, "%,d", machine.memoryMb())).append(" MB RAM, ").append(machine.os())
                .append("; ").append(machine.jdk()).append("; PostgreSQL ").append(machine.postgres()).append('\n');
        out.append("Gateway JVM options: ").append(machine.gatewayJvmArguments().isEmpty() ? "none (JVM defaults)"
                : String.join(" ", machine.gatewayJvmArguments())).append('\n');
        out.append("uptime before: ").append(machine.uptimeBefore()).append('\n');
        out.append("uptime after:  ").append(machine.uptimeAfter()).append('\n').append('\n');

        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        String section = "";
        for (Row row : report.rows()) {
            lines.add(new String[] {
                    row.section().equals(section) ? "" : row.section(),
                    row.benchmark(),
                    row.metric(),
                    number(row.gateway()),
                    row.baseline() == null ? "-" : row.baseline(),
                    row.baselineValue() == null ? "-" : number(row.baselineValue()),
                    row.ratio() == null ? "-" : ratio(row.ratio()),
                    row.ratioLow() == null || row.ratioHigh() == null ? ""
                            : ratio(row.ratioLow()) + " - " + ratio(row.ratioHigh()),
                    row.target() == null ? "" : row.target(),
                    row.verdict() == Verdict.INFO ? "" : row.verdict().name()});
            section = row.section();
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                boolean numeric = i == 3 || i == 5 || i == 6;
                String cell = numeric ? " ".repeat(widths[i] - line[i].length()) + line[i]
                        : line[i] + " ".repeat(widths[i] - line[i].length());
                text.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        if (!report.phases().isEmpty()) {
            out.append('\n').append("phase                                      seconds  gateway peak RSS MB  load before -> after\n");
            for (PhaseLog phase : report.phases()) {
                out.append(String.format(Locale.ROOT, "%-42s %8.0f %20d  %s -> %s%n", phase.phase(), phase.seconds(),
                        phase.gatewayPeakRssMb(), phase.loadBefore(), phase.loadAfter()));
            }
        }
        if (!report.checks().isEmpty()) {
            out.append('\n');
            report.checks().forEach(check -> out.append("check: ").append(check).append('\n'));
        }
        if (!report.notes().isEmpty()) {
            out.append('\n');
            report.notes().forEach(note -> out.append("note: ").append(note).append('\n'));
        }
        return out.toString();
    }

    /** 12,345 / 123 / 12.3 / 1.23 / 0.123: three significant figures or the whole number. */
    public static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1 || magnitude == 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    public static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }
}
