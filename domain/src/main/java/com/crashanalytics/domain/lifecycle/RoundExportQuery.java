package com.crashanalytics.domain.lifecycle;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Which rounds an export holds: every filter that is present must match (AND), a round's
 * {@code round_start_timestamp} must lie in the window. Field names are the export's query parameters.
 *
 * @param tradeTypes the rounds of LIVE bots, of PAPER bots, or of both
 */
public record RoundExportQuery(@Nullable String botId, @Nullable String sessionId, @Nullable String gameName,
                               @Nullable String platformCode, @Nullable String strategy, TimeWindow window,
                               TradeTypeFilter tradeTypes) {

    public RoundExportQuery {
        new Violations()
                .text("botId", botId, 50)
                .text("sessionId", sessionId, 100)
                .text("gameName", gameName, 50)
                .text("platformCode", platformCode, 50)
                .text("strategy", strategy, 100)
                .throwIfAny();
    }
}
