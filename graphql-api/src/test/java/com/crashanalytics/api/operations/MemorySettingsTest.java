package com.crashanalytics.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The JVM's memory settings are chosen once (README, Memory) and given to the gateway two ways: the run command's
 * {@code gateway.jvmArguments} in this module's pom and the container's {@code JAVA_TOOL_OPTIONS} in the
 * {@code Dockerfile}. They must be the same settings, and keep what the choice rests on.
 */
class MemorySettingsTest {

    private static final Pattern RUN_COMMAND =
            Pattern.compile("<gateway\\.jvmArguments>([^<]+)</gateway\\.jvmArguments>");
    private static final Pattern CONTAINER = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]+)\"");

    @Test
    void theRunCommandAndTheContainerStartTheJvmAlike() throws IOException {
        assertThat(containerSettings()).isEqualTo(runCommandSettings());
    }

    @Test
    void theHeapAndItsGenerationsAreFixedAndCollectedOnEveryCore() throws IOException {
        List<String> settings = runCommandSettings();
        assertThat(settings).as("a fixed heap: the collector keeps what it grew to, so it starts at its size")
                .contains("-Xms224m", "-Xmx224m");
        assertThat(settings).as("an eden of 96 MB, and survivors of 24 MB that hold the two large answers built at once")
                .contains("-Xmn144m", "-XX:SurvivorRatio=4");
        assertThat(settings).as("the parallel collector, whose pauses use every core, sizes kept as set")
                .contains("-XX:+UseParallelGC", "-XX:-UseAdaptiveSizePolicy");
        assertThat(settings).as("one collector, and as many GC threads as the machine has cores")
                .noneMatch(setting -> setting.matches("-XX:\\+Use(Serial|G1|Z|Shenandoah)GC"))
                .noneMatch(setting -> setting.startsWith("-XX:ParallelGCThreads"));
    }

    private static List<String> runCommandSettings() throws IOException {
        return settingsIn(Path.of("pom.xml"), RUN_COMMAND);
    }

    private static List<String> containerSettings() throws IOException {
        return settingsIn(Path.of("..", "Dockerfile"), CONTAINER);
    }

    private static List<String> settingsIn(Path file, Pattern pattern) throws IOException {
        Matcher matcher = pattern.matcher(Files.readString(file));
        assertThat(matcher.find()).as(pattern + " in " + file).isTrue();
        List<String> settings = Arrays.asList(matcher.group(1).trim().split("\\s+"));
        assertThat(matcher.find()).as("one " + pattern + " in " + file).isFalse();
        return settings;
    }
}
