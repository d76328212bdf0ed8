package com.crashanalytics.domain.lifecycle;

import java.util.function.Consumer;

import com.crashanalytics.domain.common.Transactions;
import org.jspecify.annotations.Nullable;

/** One export, one read-only transaction: the rows come from one snapshot even while bots keep logging. */
public final class RoundExportService implements ExportRoundsUseCase {

    private final RoundExports exports;
    private final Transactions transactions;

    public RoundExportService(RoundExports exports, Transactions transactions) {
        this.exports = exports;
        this.transactions = transactions;
    }

    @Override
    public long exportCells(RoundExportQuery query, Consumer<@Nullable String[]> row) {
        return transactions.readOnly(() -> exports.streamCells(query, row));
    }

    @Override
    public long exportJsonLines(RoundExportQuery query, Consumer<String> line) {
        return transactions.readOnly(() -> exports.streamJsonLines(query, line));
    }
}
