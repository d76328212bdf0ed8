package com.crashanalytics.benchmarks.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The gateway as production runs it: {@code java -jar crash-analytics-gateway.jar} in a process of its own, on its
 * embedded PostgreSQL in a temporary {@code GATEWAY_DATA_DIR}, with a known {@code GATEWAY_ADMIN_KEY} and the rate
 * limits of every role lifted ({@code GATEWAY_RATE_LIMIT_*=1000000000/1s}) so the benchmark measures throughput,
 * not the limiter, and retention off its daily schedule ({@link #RETENTION_OFF}). Its own memory and CPU can then be
 * read from /proc, and the benchmark's clients do not share its heap. The HTTP and database ports are chosen free up
 * front, so the harness knows where PostgreSQL listens.
 */
public final class GatewayProcess implements AutoCloseable {

    /** Requests per period for every role: as good as no limit. */
    public static final String LIFTED_RATE_LIMIT = "1000000000/1s";
    /**
     * Retention's schedule, off ("-"). Its daily run (03:30 UTC unless set) deletes the rounds older than 90 days, and
     * the analytics' generated history reaches further back: a run that met it at 1,000,000 rounds (2026-12-07 03:30)
     * spent 1.8 s of PostgreSQL deleting during the dashboard's statement count, every read's PostgreSQL CPU doubled,
     * and the data changed under the reads.
     */
    public static final Map<String, String> RETENTION_OFF = Map.of("GATEWAY_RETENTION_SCHEDULE", "-");
    private static final Duration STARTUP = Duration.ofMinutes(10);
    private static final Duration SHUTDOWN = Duration.ofSeconds(90);

    private final Path jar;
    private final List<String> jvmArguments;
    private final Path home;
    private final Path dataDirectory;
    private final Path log;
    private final int httpPort;
    private final int databasePort;
    private final String adminKey;
    /** A replica's: the primary's database, and settings of its own; null for the primary. */
    private final @Nullable GatewayProcess primary;
    private final Map<String, String> settings;
    private @Nullable Process process;
    /** Each launch to its first answered GraphQL query: the first on an empty data directory, then restarts. */
    private final List<Launch> launches = new ArrayList<>();

    /**
     * One launch to its first answered query: how long it took, the CPU the gateway's JVM had used by then (all its
     * threads: JIT compilers and GC too) and where the time went before Spring reported it started ({@link StartupLog}).
     */
    public record Launch(Duration toFirstAnswer, Duration jvmCpu, Map<String, Double> stages) {
    }

    private GatewayProcess(Path jar, List<String> jvmArguments, Path home, @Nullable GatewayProcess primary,
                           Map<String, String> settings) {
        this.jar = jar;
        this.jvmArguments = List.copyOf(jvmArguments);
        this.home = home;
        this.dataDirectory = home.resolve("data");
        this.log = home.resolve("gateway.log");
        this.httpPort = freePort();
        this.databasePort = primary == null ? freePort() : primary.databasePort;
        this.primary = primary;
        this.settings = Map.copyOf(settings);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.adminKey = primary == null ? "cag_benchmark_" + HexFormat.of().formatHex(secret) : primary.adminKey;
    }

    /** Starts the gateway from this jar and waits until it reports itself healthy. */
    public static GatewayProcess start(Path jar, List<String> jvmArguments) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no gateway jar at " + jar.toAbsolutePath()
                    + ": build it first (mvn -q -pl benchmarks -am package -DskipTests builds both)");
        }
        return launched(new GatewayProcess(jar, jvmArguments, Files.createTempDirectory("gateway-benchmark"), null,
                Map.of()));
    }

    /**
     * Another replica of this gateway: the same jar, JVM options and admin key, on this gateway's database (no
     * embedded database of its own), with these environment settings on top (e.g. {@code GATEWAY_RATE_LIMIT_SHARED}).
     */
    public GatewayProcess startReplica(Map<String, String> environment) throws IOException, InterruptedException {
        return startReplica(jar, environment);
    }

    /** The same as {@link #startReplica(Map)}, from another jar of the same gateway (e.g. an extracted one). */
    public GatewayProcess startReplica(Path replicaJar, Map<String, String> environment)
            throws IOException, InterruptedException {
        return startReplica(replicaJar, List.of(), environment);
    }

    /**
     * The same as {@link #startReplica(Path, Map)}, with these JVM options after this gateway's own (e.g. the
     * class-data-sharing archive an extracted jar was trained with).
     */
    public GatewayProcess startReplica(Path replicaJar, List<String> extraJvmArguments, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> replicaJvmArguments = new ArrayList<>(jvmArguments);
        replicaJvmArguments.addAll(extraJvmArguments);
        return launched(new GatewayProcess(replicaJar, replicaJvmArguments, Files.createTempDirectory("gateway-replica"),
                this, environment));
    }

    private static GatewayProcess launched(GatewayProcess gateway) throws IOException, InterruptedException {
        try {
            gateway.launch();
        } catch (IOException | InterruptedException | RuntimeException e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    private void launch() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        // Whatever the caller's shell points the gateway at, this one runs on its own embedded database.
        environment.keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("GATEWAY_")
                || name.equals("SERVER_PORT") || name.equals("JAVA_TOOL_OPTIONS"));
        if (primary == null) {
            environment.put("GATEWAY_DATA_DIR", dataDirectory.toString());
            environment.put("GATEWAY_EMBEDDED_DB_PORT", Integer.toString(databasePort));
        } else {
            environment.put("SPRING_DATASOURCE_URL", primary.jdbcUrl());
        }
        environment.put("SERVER_PORT", Integer.toString(httpPort));
        environment.put("GATEWAY_ADMIN_KEY", adminKey);
        environment.put("GATEWAY_RATE_LIMIT_BOT", LIFTED_RATE_LIMIT);
        environment.put("GATEWAY_RATE_LIMIT_DASHBOARD", LIFTED_RATE_LIMIT);
        environment.put("GATEWAY_RATE_LIMIT_ADMIN", LIFTED_RATE_LIMIT);
        environment.putAll(RETENTION_OFF);
        environment.putAll(settings);
        long launched = System.nanoTime();
        process = builder.start();
        awaitHealthy();
        awaitFirstAnswer();
        Duration toFirstAnswer = Duration.ofNanos(System.nanoTime() - launched);
        Duration jvmCpu = running().info().totalCpuDuration().orElse(Duration.ZERO);
        // Leniently decoded: the embedded PostgreSQL's output in the same log need not be UTF-8.
        List<String> logged = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        launches.add(new Launch(toFirstAnswer, jvmCpu, StartupLog.stages(logged)));
    }

    /** The first GraphQL query, {@code { __typename }} with the admin key, answered; right after health says UP. */
    private void awaitFirstAnswer() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest typename = HttpRequest.newBuilder(graphQl()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + adminKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(typename, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not answering yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the gateway answered no query within " + STARTUP + ":\n" + logTail());
    }

    /** How long each launch took to its first answered query, in order: first start, then each restart. */
    public List<Duration> startups() {
        return launches.stream().map(Launch::toFirstAnswer).toList();
    }

    /** Each launch so far, in order: first start, then each restart. */
    public List<Launch> launches() {
        return List.copyOf(launches);
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(base().resolve("/actuator/health")).timeout(Duration.ofSeconds(5))
                .GET().build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!running().isAlive()) {
                throw new IllegalStateException("the gateway exited with " + running().exitValue() + " while starting:\n"
                        + logTail());
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the gateway was not healthy after " + STARTUP + ":\n" + logTail());
    }

    /** Stops the gateway (SIGTERM: it closes its PostgreSQL) and starts it again on the same data and ports. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    /** SIGTERM and wait; if it does not end, SIGKILL it and the PostgreSQL it started. */
    public void stop() throws InterruptedException {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmaster();
        running.destroy();
        if (!running.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
            running.destroyForcibly().waitFor();
        }
        // A postmaster the gateway could not stop would keep the data directory busy.
        if (postmaster.isPresent() && postmaster.get().isAlive()) {
            postmaster.get().destroy();
            postmaster.get().onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stop();
        } finally {
            deleteRecursively(home);
        }
    }

    public long pid() {
        return running().pid();
    }

    /** The embedded PostgreSQL's postmaster, from its pid file. */
    public Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public URI base() {
        return URI.create("http://localhost:" + httpPort);
    }

    public URI graphQl() {
        return base().resolve("/graphql");
    }

    public String adminKey() {
        return adminKey;
    }

    /** The embedded database as the gateway's own data source reaches it (user postgres, trust on localhost). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + databasePort + "/postgres?user=postgres&reWriteBatchedInserts=true";
    }

    /** The same database as a libpq connection string, for a peer server that is not Java (PostGraphile). */
    public String postgresUrl() {
        return "postgres://postgres@localhost:" + databasePort + "/postgres";
    }

    public List<String> jvmArguments() {
        return jvmArguments;
    }

    /** Copies what the gateway logged so far (its temporary directory goes when it closes). */
    public void copyLogTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(log, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("could not keep the gateway's log: " + e.getMessage());
        }
    }

    /** The last lines the gateway logged, for a failure message. */
    public String logTail() {
        return lastLines(log, 40);
    }

    /** The last lines of a process's log, for a failure message. */
    public static String lastLines(Path log, int count) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Process running() {
        if (process == null) {
            throw new IllegalStateException("the gateway is not running");
        }
        return process;
    }

    /** A TCP port free at the moment of asking. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a temporary directory and what it holds; what cannot be deleted is reported, not thrown. */
    public static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
