package com.crashanalytics.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine a run measured: cores, memory, CPU model, OS, the JDK both processes ran on, PostgreSQL's version,
 * the gateway's JVM options, and the load average ({@code uptime}) before and after. Figures depend on all of these.
 */
public record Machine(int cores, long memoryMb, String cpu, String os, String jdk, String postgres,
                      List<String> gatewayJvmArguments, String uptimeBefore, String uptimeAfter) {

    public static Machine describe(String postgres, List<String> gatewayJvmArguments, String uptimeBefore,
                                   String uptimeAfter) {
        return new Machine(Runtime.getRuntime().availableProcessors(), totalMemoryMb(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                postgres, gatewayJvmArguments, uptimeBefore, uptimeAfter);
    }

    /** What {@code uptime} prints (its load averages), or the load averages from /proc when it is not there. */
    public static String uptime() {
        try {
            Process uptime = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String out = new String(uptime.getInputStream().readAllBytes()).trim();
            if (uptime.waitFor(5, TimeUnit.SECONDS) && uptime.exitValue() == 0 && !out.isEmpty()) {
                return out;
            }
        } catch (IOException e) {
            // no uptime command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "load average: " + loadAverage();
    }

    /** The 1, 5 and 15 minute load averages. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long totalMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
