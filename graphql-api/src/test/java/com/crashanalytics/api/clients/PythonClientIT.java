package com.crashanalytics.api.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs the Python client's own tests ({@code clients/python/tests}, stdlib unittest) against this gateway, so
 * {@code mvn verify} fails when the client and the gateway's schema drift apart. Needs {@code python3} (3.9+) on the
 * PATH ({@code .ci/run} installs it when missing); without it this test fails rather than skips.
 */
@GatewayIntegrationTest
class PythonClientIT {

    private static final Path CLIENT = Path.of("..", "clients", "python");

    @LocalServerPort
    int port;

    @Test
    void thePythonClientsTestsPassAgainstTheGateway() throws Exception {
        ProcessBuilder python = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", "tests", "-t", ".", "-v")
                .directory(CLIENT.toFile())
                .redirectErrorStream(true);
        python.environment().put("CRASH_GATEWAY_URL", "http://localhost:" + port);
        python.environment().put("CRASH_GATEWAY_ADMIN_KEY", TestApiKeys.ADMIN);
        python.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        File log = File.createTempFile("python-client", ".log");
        python.redirectOutput(log);

        Process run = python.start();
        boolean finished = run.waitFor(5, TimeUnit.MINUTES);
        String output = java.nio.file.Files.readString(log.toPath(), StandardCharsets.UTF_8);
        System.out.println(output);

        assertThat(finished).as("the Python tests finished within 5 minutes").isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("OK").doesNotContain("skipped=");
    }
}
