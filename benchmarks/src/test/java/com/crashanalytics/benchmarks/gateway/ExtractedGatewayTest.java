package com.crashanalytics.benchmarks.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractedGatewayTest {

    @Test
    void the_process_named_by_the_training_postmaster_pid_file_is_stopped(@TempDir Path dataDirectory)
            throws Exception {
        // Stands in for the PostgreSQL the training start leaves running: its pid on the pid file's first line.
        Process leftRunning = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(dataDirectory.resolve("postmaster.pid"), leftRunning.pid() + "\n" + dataDirectory + "\n");

            ExtractedGateway.stopLeftPostmaster(dataDirectory);

            assertThat(leftRunning.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            leftRunning.destroyForcibly();
        }
    }

    @Test
    void a_data_directory_without_a_pid_file_is_left_alone(@TempDir Path dataDirectory) throws Exception {
        ExtractedGateway.stopLeftPostmaster(dataDirectory);

        assertThat(dataDirectory).isEmptyDirectory();
    }
}
