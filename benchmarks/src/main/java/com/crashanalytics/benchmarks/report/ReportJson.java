package com.crashanalytics.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The report as JSON, for tools and for comparing runs. */
public final class ReportJson {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportJson() {
    }

    public static String toJson(Report report) {
        return JSON.writeValueAsString(report);
    }

    /** Writes {@code <directory>/<started-at>.json} and returns its path. */
    public static Path write(Report report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(report.startedAt().replace(":", "-") + ".json");
        Files.writeString(file, toJson(report));
        return file;
    }
}
