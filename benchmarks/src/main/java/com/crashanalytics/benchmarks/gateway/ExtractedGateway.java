package com.crashanalytics.benchmarks.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway the way the container image holds it (the {@code Dockerfile}): extracted by Spring Boot's own
 * tool into the application's jar next to its libraries as plain jars, so no class is read from a jar nested in
 * another, and optionally with a class-data-sharing archive trained the way the image build trains it: one start on a
 * throwaway embedded PostgreSQL, stopped when the context is ready ({@code spring.context.exit=onRefresh}), with
 * {@code -XX:ArchiveClassesAtExit}. A temporary directory of its own, deleted on close.
 */
public final class ExtractedGateway implements AutoCloseable {

    private static final long TRAINING_MINUTES = 10;

    private final Path directory;
    private final Path jar;

    private ExtractedGateway(Path directory, Path jar) {
        this.directory = directory;
        this.jar = jar;
    }

    /** Extracts this fat jar ({@code java -Djarmode=tools -jar ... extract}) into a new temporary directory. */
    public static ExtractedGateway extract(Path fatJar) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("gateway-extracted");
        Path destination = directory.resolve("gateway");
        run(List.of(java(), "-Djarmode=tools", "-jar", fatJar.toAbsolutePath().toString(), "extract",
                "--destination", destination.toString()), directory, Map.of(), directory.resolve("extract.log"), 5);
        return new ExtractedGateway(directory, destination.resolve(fatJar.getFileName()));
    }

    /** The extracted application jar: {@code java -jar} of it puts its {@code lib/} on the class path. */
    public Path jar() {
        return jar;
    }

    /**
     * Trains a class-data-sharing archive as the image build does, with these JVM options (the image's
     * {@code JAVA_TOOL_OPTIONS} apply to its training start too), and returns the JVM options that use it. The
     * harness adds {@code -Xshare:on} so that a launch that could not map the archive fails instead of being
     * measured without it (the image leaves it off: there a start without the archive is only slower).
     */
    public List<String> trainClassDataSharing(List<String> jvmArguments) throws IOException, InterruptedException {
        Path archive = directory.resolve("gateway.jsa");
        Path training = Files.createDirectories(directory.resolve("cds-training"));
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmArguments);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                "-jar", jar.toString()));
        Path data = training.resolve("data");
        try {
            run(command, training, Map.of("GATEWAY_DATA_DIR", data.toString(), "SERVER_PORT", "0"),
                    directory.resolve("cds-training.log"), TRAINING_MINUTES);
        } finally {
            stopLeftPostmaster(data);
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training start wrote no archive at " + archive + ":\n"
                    + GatewayProcess.lastLines(directory.resolve("cds-training.log"), 40));
        }
        GatewayProcess.deleteRecursively(training);
        return List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive);
    }

    /**
     * Spring's exit on refresh halts the JVM without running its shutdown hooks, so the training start's embedded
     * PostgreSQL is left running: stopped here from its pid file (SIGTERM; its only client, the JVM, is gone).
     */
    static void stopLeftPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(lines.get(0).trim())).ifPresent(postmaster -> {
            postmaster.destroy();
            try {
                postmaster.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception notStopped) {
                postmaster.destroyForcibly();
            }
        });
    }

    private static void run(List<String> command, Path workingDirectory, Map<String, String> settings, Path log,
                            long minutes) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // As for the measured gateway: whatever the caller's shell sets does not reach it.
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("GATEWAY_")
                || name.equals("SERVER_PORT") || name.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(settings);
        Process process = builder.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("failed: " + String.join(" ", command) + "\n"
                    + GatewayProcess.lastLines(log, 40));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        GatewayProcess.deleteRecursively(directory);
    }
}
