package com.crashanalytics.api.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.PaperAndLiveFleet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The round exports keep paper and live money apart: on the {@link PaperAndLiveFleet}, an export of the fleet holds
 * the LIVE bot's 3 rounds unless asked for PAPER (2) or ANY (5), seed 004's lowercase 'paper' works, an export of one
 * bot holds that bot's own rounds, and any other value is refused naming the parameter and the rule.
 */
@GatewayIntegrationTest
class RoundExportTradeTypeIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void exportsHoldLiveRoundsUnlessAsked() {
        PaperAndLiveFleet.log(new GraphQlClient(port), jdbc);
        Downloads downloads = new Downloads(port);

        assertThat(bots(downloads, "")).containsExactly("live_bot", "live_bot", "live_bot");
        assertThat(bots(downloads, "?tradeType=paper")).containsExactly("paper_bot", "paper_bot");
        assertThat(bots(downloads, "?tradeType=ANY")).containsExactly("live_bot", "paper_bot", "live_bot", "paper_bot",
                "live_bot");
        assertThat(bots(downloads, "?botId=paper_bot")).containsExactly("paper_bot", "paper_bot");
        assertThat(bots(downloads, "?sessionId=paper_s1&tradeType=LIVE")).isEmpty();

        HttpResponse<String> refused = downloads.get("/exports/rounds.ndjson?tradeType=optimization");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("tradeType").contains("ONE_OF");
    }

    /** The bot of each exported round, in the export's order (start time). */
    private static List<String> bots(Downloads downloads, String query) {
        HttpResponse<String> export = downloads.get("/exports/rounds.ndjson" + query);
        assertThat(export.statusCode()).as(query + ": " + export.body()).isEqualTo(200);
        return export.body().lines().map(line -> RoundExportIT.JSON.readTree(line).path("bot_id").asString()).toList();
    }
}
