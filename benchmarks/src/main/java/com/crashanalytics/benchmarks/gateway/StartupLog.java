package com.crashanalytics.benchmarks.gateway;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one launch of the gateway spent its time before Spring reported it started, read from the lines it logged
 * (Spring Boot's default console format: an ISO instant first, the logger name before " : "). The stages, in order:
 * <ul>
 *   <li>{@value #JVM}: from the process's start (Spring's "process running for") to Spring's "Starting": the JVM, the
 *       jar launcher, reading the environment and setting up logging;</li>
 *   <li>{@value #CONTEXT}: to "Tomcat initialized": reading the configuration and bean definitions (auto-configuration
 *       conditions, component scan);</li>
 *   <li>{@value #DATABASE}: to the migration's first line (the gateway's "Database migration:" verdict, or
 *       Liquibase's first line): the data source (the embedded PostgreSQL's initdb and start, or the first
 *       connection to an external one) and the beans created before the migration, Liquibase's own included;</li>
 *   <li>{@value #MIGRATIONS}: the migration's first to last line: reading the changelog, comparing it with the
 *       database, applying what is pending; 0 when the verdict was that Liquibase need not run;</li>
 *   <li>{@value #BEANS}: to "Started": every other bean (the GraphQL schema, security, schedulers) and Tomcat's
 *       start. A gateway that migrates on a thread of its own (the migration's lines logged by another thread than
 *       {@code main}) builds them beside the migration: this stage then runs from the migration's first line, and
 *       the migration's is a span within it, not a stage after it (the stages still add up to "Started").</li>
 * </ul>
 * A stage whose marks are missing from the log (a format changed, a stage skipped) is left out, not guessed.
 */
public final class StartupLog {

    public static final String JVM = "JVM, jar launcher, environment and logging";
    public static final String CONTEXT = "configuration and bean definitions";
    public static final String DATABASE = "data source and the beans before Liquibase";
    public static final String MIGRATIONS = "Liquibase";
    public static final String BEANS = "other beans and Tomcat start";
    public static final String STARTED = "process start to Spring's Started";

    private static final Pattern STARTED_LINE =
            Pattern.compile("Started \\S+ in [\\d.]+ seconds \\(process running for ([\\d.]+)\\)");
    /** Spring's "Starting GatewayApplication v… using Java …", not Tomcat's "Starting service [Tomcat]". */
    private static final Pattern STARTING_LINE = Pattern.compile(": Starting \\S+ .*using Java");
    /** Liquibase's own lines, and the gateway's verdict before it ("Liquibase runs" or "Liquibase not run"). */
    private static final Pattern MIGRATION_LINE =
            Pattern.compile("\\]\\s+liquibase(\\.\\S+)?\\s+:|: Database migration: ");
    /** Spring Boot's thread column of a line logged by the main thread. */
    private static final String MAIN_THREAD = "[           main]";

    private StartupLog() {
    }

    /** The stages of the last launch in these lines (a log appended to by several launches), in seconds, in order. */
    public static Map<String, Double> stages(List<String> lines) {
        List<String> launch = lastLaunch(lines);
        Map<String, Double> stages = new LinkedHashMap<>();
        Optional<Instant> started = first(launch, line -> STARTED_LINE.matcher(line).find());
        Optional<Double> runningFor = launch.stream().map(STARTED_LINE::matcher).filter(Matcher::find)
                .map(m -> Double.parseDouble(m.group(1))).findFirst();
        Optional<Instant> processStart = started.flatMap(at -> runningFor.map(
                seconds -> at.minus(Duration.ofMillis(Math.round(seconds * 1000)))));
        Optional<Instant> starting = first(launch, line -> STARTING_LINE.matcher(line).find());
        Optional<Instant> tomcat = first(launch, line -> line.contains("Tomcat initialized"));
        Optional<Instant> migrationFirst = first(launch, line -> MIGRATION_LINE.matcher(line).find());
        Optional<Instant> migrationLast = last(launch, line -> MIGRATION_LINE.matcher(line).find());
        put(stages, JVM, processStart, starting);
        put(stages, CONTEXT, starting, tomcat);
        put(stages, DATABASE, tomcat, migrationFirst);
        put(stages, MIGRATIONS, migrationFirst, migrationLast);
        boolean migratedBeside = launch.stream().filter(line -> MIGRATION_LINE.matcher(line).find())
                .anyMatch(line -> !line.contains(MAIN_THREAD));
        put(stages, BEANS, migratedBeside ? migrationFirst : migrationLast, started);
        runningFor.ifPresent(seconds -> stages.put(STARTED, seconds));
        return stages;
    }

    /** The lines from the last Spring "Starting" on: each launch appends to the same log. */
    private static List<String> lastLaunch(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (STARTING_LINE.matcher(lines.get(i)).find() && instant(lines.get(i)).isPresent()) {
                return lines.subList(i, lines.size());
            }
        }
        return lines;
    }

    private static void put(Map<String, Double> stages, String stage, Optional<Instant> from, Optional<Instant> to) {
        if (from.isPresent() && to.isPresent() && !to.get().isBefore(from.get())) {
            stages.put(stage, Duration.between(from.get(), to.get()).toMillis() / 1000.0);
        }
    }

    private static Optional<Instant> first(List<String> lines, Predicate<String> mark) {
        return lines.stream().filter(mark).map(StartupLog::instant).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Instant> last(List<String> lines, Predicate<String> mark) {
        return lines.stream().filter(mark).map(StartupLog::instant).flatMap(Optional::stream)
                .reduce((earlier, later) -> later);
    }

    private static Optional<Instant> instant(String line) {
        int space = line.indexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(line.substring(0, space)));
        } catch (DateTimeParseException notALogLine) {
            return Optional.empty();
        }
    }
}
