package com.crashanalytics.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.persistence.testing.TestPostgres;

/**
 * Another gateway replica on the test's database: the packaged jar in a process of its own, as production runs it,
 * with the test admin key and whatever settings the test adds ({@code --name=value}). Its output goes to
 * {@code target/<name>.log}. {@link #kill} ends it as a crash would (SIGKILL: no shutdown, its connections dropped by
 * PostgreSQL); {@link #close} stops it.
 */
public final class GatewayReplica implements AutoCloseable {

    /**
     * Generous: two replicas starting side by side with the test's own gateway took 214 s on the shared 2-core
     * machine at load 30 (one alone on an idle machine starts in about 12 s, see the README's "Restarting fast").
     */
    private static final Duration STARTUP = Duration.ofMinutes(6);

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private GatewayReplica(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a replica and waits until it is healthy. */
    public static GatewayReplica start(String name, String... settings) throws Exception {
        return launch(name, settings).awaitHealthy();
    }

    /** Starts a replica without waiting: several start side by side, then each {@link #awaitHealthy}. */
    public static GatewayReplica launch(String name, String... settings) throws IOException {
        Path jar = Path.of("target", "crash-analytics-gateway.jar");
        assertThat(jar).as("the packaged gateway (failsafe runs after package)").exists();
        int port = freePort();
        TestPostgres postgres = TestPostgres.get();
        Path log = Files.createDirectories(Path.of("target")).resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--gateway.admin-key=" + TestApiKeys.ADMIN));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new GatewayReplica(name, port, log, process);
    }

    /** Waits until the replica answers healthy; fails with its log if it exits or takes too long. */
    public GatewayReplica awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + log());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not healthy within " + STARTUP + ": " + log());
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** What the replica has logged so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the replica as a crash would: no shutdown; PostgreSQL drops its connections and their locks. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                kill();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
