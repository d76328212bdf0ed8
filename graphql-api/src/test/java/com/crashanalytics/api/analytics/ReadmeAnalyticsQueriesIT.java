package com.crashanalytics.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard queries the README's Analytics section offers run as pasted, without errors. */
@GatewayIntegrationTest
class ReadmeAnalyticsQueriesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyAnalyticsQueryInTheReadmeRuns() throws IOException {
        new AnalyticsFixtures(jdbc).platform("aviator", "spribe", "3").bot("aviator_bot_001", "compound_1.33x")
                .session("s1", "aviator_bot_001", "aviator", "spribe", "compound_1.33x", "100")
                .round("s1", AnalyticsFixtures.minute(1), com.crashanalytics.domain.round.RoundOutcome.WIN, "10", "3.3",
                        "103.3", "1.5", "g1");
        List<String> queries = analyticsQueries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(3);

        for (String query : queries) {
            GraphQlResponse response = new GraphQlClient(port).execute(query, Map.of("botId", "aviator_bot_001"));
            assertThat(response.hasErrors()).as(query + "\n" + response.body()).isFalse();
            assertThat(response.json().path("data").isObject()).isTrue();
        }
    }

    private static List<String> analyticsQueries() throws IOException {
        Path readme = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "README.md");
        if (!Files.exists(readme)) {
            readme = Path.of("..", "README.md");
        }
        String text = Files.readString(readme);
        String analytics = text.substring(text.indexOf("## Analytics"), text.indexOf("## Configuration"));
        Matcher blocks = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(analytics);
        List<String> queries = new ArrayList<>();
        while (blocks.find()) {
            queries.add(blocks.group(1));
        }
        return queries;
    }
}
