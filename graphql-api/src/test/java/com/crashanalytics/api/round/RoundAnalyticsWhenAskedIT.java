package com.crashanalytics.api.round;

import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.ReadFixtures;
import com.crashanalytics.api.testing.StatementRecorder;
import com.crashanalytics.api.testing.StatementRecorder.Executed;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.round.LoggedRoundKey;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.round.RoundAnalytics;
import com.crashanalytics.domain.round.RoundFilter;
import com.crashanalytics.domain.round.RoundReadModel;
import com.crashanalytics.domain.round.RoundReadModel.Analytics;
import com.crashanalytics.domain.round.RoundReadModel.Reading;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * A list of rounds reads their analytics rows ({@code Round.outcome}) in its own statement when the document asks for
 * them, however it asks (a fragment, an alias, {@code @include}), and not at all when it does not. The fixture: bot
 * {@code alpha}'s session {@code a1} of five rounds, WIN LOSS SKIP WIN LOSS, whose streaks are worked out by hand
 * (a skip neither extends nor breaks one): wins 1 0 0 1 0, losses 0 1 1 0 1.
 */
@GatewayIntegrationTest
@Import(StatementRecorder.Installation.class)
class RoundAnalyticsWhenAskedIT {

    private static final Instant START = Instant.parse("2026-11-20T01:00:00Z");
    private static final List<Integer> WIN_STREAKS = List.of(1, 0, 0, 1, 0);
    private static final List<Integer> LOSS_STREAKS = List.of(0, 1, 1, 0, 1);
    private static final String USES_SHOW = "__typename @include(if: $show)";

    /**
     * The three round lists, each with the rounds' fields spliced in as {@code %s}; {@code $show} is used on the list
     * as well, as a document must use every variable it declares.
     */
    private static final List<String> LISTS = List.of(
            "query($show: Boolean!) { list: rounds(first: 10, filter: {botId: \"alpha\"}) { %s " + USES_SHOW + " } }",
            "query($show: Boolean!) { bot(botId: \"alpha\") { list: rounds(first: 10) { %s " + USES_SHOW + " } } }",
            "query($show: Boolean!) { session(sessionId: \"a1\") { list: rounds(first: 10) { %s " + USES_SHOW
                    + " } } }");

    @LocalServerPort
    int port;

    @Autowired
    RoundReadModel rounds;

    GraphQlClient client;

    @BeforeEach
    void aSessionOfFiveRounds() {
        client = new GraphQlClient(port);
        ReadFixtures fixtures = new ReadFixtures(client).bot("alpha", "martingale").platform("aviator", "dafabet")
                .session("alpha", "a1", "aviator", "dafabet", null, START);
        List<String> outcomes = List.of("WIN", "LOSS", "SKIP", "WIN", "LOSS");
        for (int n = 1; n <= outcomes.size(); n++) {
            fixtures.queue(ReadFixtures.round("alpha", "a1", n, outcomes.get(n - 1), START.plusSeconds(60L * n)));
        }
        fixtures.flush();
    }

    @Test
    void aListThatDoesNotShowOutcomesReadsNoAnalyticsRow() {
        for (String list : LISTS) {
            for (String rounds : List.of(
                    "edges { node { roundNumber profitLoss } }",
                    "edges { node { roundNumber profitLoss outcome @include(if: $show) { winStreakLength } } }",
                    "edges { node { roundNumber profitLoss outcome @skip(if: true) { winStreakLength } } }")) {
                Answer answer = ask(list.formatted(rounds), false);

                assertThat(answer.rounds()).extracting(round -> round.path("roundNumber").asInt())
                        .containsExactly(1, 2, 3, 4, 5);
                assertThat(answer.rounds()).extracting(round -> round.path("profitLoss").decimalValue().intValue())
                        .containsExactly(10, -10, 0, 10, -10);
                assertThat(answer.rounds()).allSatisfy(round -> assertThat(round.has("outcome")).isFalse());
                assertThat(answer.readingAnalytics()).as("%s", answer.statements()).isEmpty();
            }
        }
    }

    @Test
    void aListThatShowsOutcomesReadsThemWithItsRoundsInOneStatement() {
        for (String list : LISTS) {
            for (String document : List.of(
                    list.formatted("edges { node { roundNumber outcome { winStreakLength lossStreakLength } } }"),
                    list.formatted("edges { node { ...Shown } }")
                            + " fragment Shown on Round { roundNumber outcome { winStreakLength lossStreakLength } }",
                    list.formatted("edges { node { roundNumber "
                            + "outcome @include(if: $show) { winStreakLength lossStreakLength } } }"))) {
                Answer answer = ask(document, true);

                assertThat(answer.rounds()).extracting(round -> round.path("outcome").path("winStreakLength").asInt())
                        .containsExactlyElementsOf(WIN_STREAKS);
                assertThat(answer.rounds()).extracting(round -> round.path("outcome").path("lossStreakLength").asInt())
                        .containsExactlyElementsOf(LOSS_STREAKS);
                assertThat(answer.readingAnalytics()).as("%s", answer.statements()).hasSize(1)
                        .allSatisfy(statement -> assertThat(statement.sql()).contains("FROM crash_game_rounds r"));
            }
        }
    }

    @Test
    void anAliasedOutcomeIsReadToo() {
        Answer answer = ask("query($show: Boolean!) { session(sessionId: \"a1\") { list: rounds(first: 10) { "
                + "edges { node { streak: outcome { wins: winStreakLength } } } " + USES_SHOW + " } } }", true);

        assertThat(answer.rounds()).extracting(round -> round.path("streak").path("wins").asInt())
                .containsExactlyElementsOf(WIN_STREAKS);
        assertThat(answer.readingAnalytics()).hasSize(1);
    }

    /**
     * Rounds a list read without their analytics can still answer {@code Round.outcome}: its data fetcher asks the
     * analytics loader, which reads them by round id and start time, and they are the ones a read with them returns.
     */
    @Test
    void aRoundReadWithoutItsAnalyticsHasThemReadOnDemand() {
        ListQuery<RoundFilter> bySession = ListQuery.firstPage(RoundFilter.ALL, RoundReadModel.BY_NUMBER);
        List<Round> without = rounds.roundsOfSessions(List.of("a1"), bySession, Reading.everything(Analytics.LEFT_OUT))
                .get("a1").nodes();
        List<Round> with = rounds.roundsOfSessions(List.of("a1"), bySession, Reading.EVERYTHING).get("a1").nodes();
        assertThat(without).hasSize(5).allSatisfy(round -> assertThat(round.analytics()).isNull());
        assertThat(with).extracting(Round::analytics).extracting(RoundAnalytics::winStreakLength)
                .containsExactlyElementsOf(WIN_STREAKS);
        // the same rounds, column for column, but for the analytics
        assertThat(without).usingRecursiveFieldByFieldElementComparatorIgnoringFields("analytics")
                .containsExactlyElementsOf(with);

        assertThat(rounds.analyticsOf(without.stream().map(Round::loggedKey).toList()))
                .containsExactlyInAnyOrderEntriesOf(with.stream().collect(
                        Collectors.toMap(Round::loggedKey, Round::requiredAnalytics)));

        DataLoader<LoggedRoundKey, RoundAnalytics> loader = DataLoaderFactory.newMappedDataLoader(
                keys -> CompletableFuture.completedFuture(rounds.analyticsOf(keys)));
        DataLoaderRegistry registry = new DataLoaderRegistry();
        registry.register(RoundWiring.ANALYTICS_OF_ROUNDS, loader);
        List<Object> outcomes = without.stream().map(round -> fetchOutcome(
                DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(round).dataLoaderRegistry(registry)
                        .build())).toList();
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(CompletableFuture.class));
        registry.dispatchAll();
        assertThat(outcomes.stream().<Object>map(outcome -> ((CompletableFuture<?>) outcome)
                .orTimeout(10, TimeUnit.SECONDS).join()).toList())
                .containsExactlyElementsOf(with.stream().<Object>map(Round::requiredAnalytics).toList());
        assertThat(fetchOutcome(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(with.get(0))
                .dataLoaderRegistry(registry).build())).isSameAs(with.get(0).analytics());
    }

    private static Object fetchOutcome(graphql.schema.DataFetchingEnvironment environment) {
        try {
            return RoundWiring.OUTCOME.get(environment);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Answer ask(String document, boolean show) {
        StatementRecorder.INSTANCE.start(false);
        JsonNode data = ok(client.execute(document, Map.of("show", show))).json().path("data");
        List<Executed> statements = StatementRecorder.INSTANCE.stop();
        JsonNode list = data.has("list") ? data.path("list") : data.values().iterator().next().path("list");
        return new Answer(list.path("edges").valueStream().map(edge -> edge.path("node")).toList(), statements);
    }

    /** A list's rounds and the statements the request sent. */
    private record Answer(List<JsonNode> rounds, List<Executed> statements) {

        List<Executed> readingAnalytics() {
            return statements.stream().filter(statement -> statement.sql().contains("analytics_round_outcomes"))
                    .toList();
        }
    }
}
