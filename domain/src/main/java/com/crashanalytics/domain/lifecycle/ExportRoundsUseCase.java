package com.crashanalytics.domain.lifecycle;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/** Inbound port: rounds streamed out for machine learning, on one snapshot of the data (see {@link RoundExports}). */
public interface ExportRoundsUseCase {

    long exportCells(RoundExportQuery query, Consumer<@Nullable String[]> row);

    long exportJsonLines(RoundExportQuery query, Consumer<String> line);
}
