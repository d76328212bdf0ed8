package com.crashanalytics.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

/** The chain skips per-field hooks only when no member listens there, and every member still hears its own. */
class FieldLevelSkippingChainTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("""
                    type Query { bots: [Bot] }
                    type Bot { botId: String, rounds: [Round] }
                    type Round { roundNumber: Int }
                    """),
            RuntimeWiring.newRuntimeWiring()
                    .type("Query", type -> type.dataFetcher("bots", environment -> List.of(
                            Map.of("botId", "a", "rounds", List.of(Map.of("roundNumber", 1), Map.of("roundNumber", 2))),
                            Map.of("botId", "b", "rounds", List.of(Map.of("roundNumber", 1))))))
                    .build());
    private static final String QUERY = "{ bots { botId rounds { roundNumber } } }";
    /** The fields QUERY fetches: bots, then 2 bots × (botId, rounds), then 3 rounds × roundNumber. */
    private static final List<String> EVERY_FIELD = List.of("bots", "botId", "rounds", "botId", "rounds",
            "roundNumber", "roundNumber", "roundNumber");

    /** Listens per operation only, as the gateway's own instrumentations do. */
    private static final class PerOperation extends SimplePerformantInstrumentation {
        int operations;

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            operations++;
            return SimpleInstrumentationContext.noOp();
        }
    }

    /** Listens to every field fetched and every field completed. */
    private static final class PerField extends SimplePerformantInstrumentation {
        final List<String> fetched = new ArrayList<>();
        int completed;

        @Override
        public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                                                              InstrumentationState state) {
            fetched.add(parameters.getField().getName());
            return SimpleInstrumentationContext.noOp();
        }

        @Override
        public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                   InstrumentationState state) {
            completed++;
            return SimpleInstrumentationContext.noOp();
        }
    }

    @Test
    void membersThatListenPerOperationOnlyCostNothingPerField() {
        PerOperation limits = new PerOperation();
        PerOperation access = new PerOperation();
        FieldLevelSkippingChain chain = new FieldLevelSkippingChain(List.of(limits, access));

        assertThat(List.of("beginFieldExecution", "beginFieldFetch", "beginFieldFetching", "beginFieldCompletion",
                "beginFieldListCompletion", "beginExecuteObject", "beginDeferredField"))
                .noneMatch(chain::hears);
        assertThat(chain.beginFieldFetching(null, null)).isSameAs(FieldFetchingInstrumentationContext.NOOP);

        ExecutionResult result = run(chain);

        assertThat(result.getErrors()).isEmpty();
        assertThat(limits.operations).isEqualTo(1);
        assertThat(access.operations).isEqualTo(1);
    }

    @Test
    void aMemberThatListensPerFieldHearsEveryFieldAsInTheFullChain() {
        PerOperation limits = new PerOperation();
        PerField tracing = new PerField();
        FieldLevelSkippingChain chain = new FieldLevelSkippingChain(List.of(limits, tracing));

        assertThat(chain.hears("beginFieldFetch")).isTrue();
        assertThat(chain.hears("beginFieldFetching")).isTrue(); // graphql-java calls this one, which calls the other
        assertThat(chain.hears("beginFieldCompletion")).isTrue();
        assertThat(chain.hears("beginFieldListCompletion")).isFalse();

        ExecutionResult result = run(chain);

        assertThat(result.getErrors()).isEmpty();
        assertThat(limits.operations).isEqualTo(1);
        assertThat(tracing.fetched).containsExactlyInAnyOrderElementsOf(EVERY_FIELD);
        assertThat(tracing.completed).isEqualTo(8);
    }

    /** Instruments data fetchers, counting the fields it is asked about; wraps none. */
    private static class CountsFetchers extends SimplePerformantInstrumentation {
        final List<String> asked = new ArrayList<>();

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
                                                    InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            asked.add(parameters.getField().getName());
            return dataFetcher;
        }
    }

    /** The same, declaring that it passes trivial fetchers (property reads) through, as the gateway's two do. */
    private static final class CountsFetchersButTrivialOnes extends CountsFetchers
            implements PassesTrivialFetchersThrough {
    }

    @Test
    void dataFetchersAreInstrumentedOnlyWhereAMemberMayWrapThem() {
        PerOperation limits = new PerOperation();
        CountsFetchersButTrivialOnes authorship = new CountsFetchersButTrivialOnes();
        FieldLevelSkippingChain chain = new FieldLevelSkippingChain(List.of(limits, authorship));

        assertThat(chain.hears("instrumentDataFetcher")).isTrue();
        assertThat(chain.instrumentsTrivialFetchers()).isFalse();
        assertThat(run(chain).getErrors()).isEmpty();
        // `bots` has a fetcher of its own; botId, rounds and roundNumber are property reads
        assertThat(authorship.asked).containsExactly("bots");

        CountsFetchers wrapsAnything = new CountsFetchers();
        FieldLevelSkippingChain mixed = new FieldLevelSkippingChain(List.of(authorship, wrapsAnything));
        assertThat(mixed.instrumentsTrivialFetchers()).isTrue();
        authorship.asked.clear();
        assertThat(run(mixed).getErrors()).isEmpty();
        assertThat(wrapsAnything.asked).containsExactlyInAnyOrderElementsOf(EVERY_FIELD);
        assertThat(authorship.asked).as("asked through the full chain, like every member")
                .hasSameElementsAs(wrapsAnything.asked);

        FieldLevelSkippingChain none = new FieldLevelSkippingChain(List.of(limits));
        DataFetcher<Object> fetcher = environment -> null;
        assertThat(none.hears("instrumentDataFetcher")).isFalse();
        assertThat(none.instrumentDataFetcher(fetcher, null, null)).isSameAs(fetcher);
    }

    @Test
    void anInstrumentationThatMayListenAnywhereIsAskedEverywhere() {
        Instrumentation chainedElsewhere = new graphql.execution.instrumentation.ChainedInstrumentation(
                List.of(new PerOperation()));

        assertThat(FieldLevelSkippingChain.overrides(chainedElsewhere, "beginFieldCompletion",
                InstrumentationFieldCompleteParameters.class)).isTrue();
        assertThat(FieldLevelSkippingChain.overrides(new PerOperation(), "beginFieldCompletion",
                InstrumentationFieldCompleteParameters.class)).isFalse();
    }

    private static ExecutionResult run(Instrumentation instrumentation) {
        return GraphQL.newGraphQL(SCHEMA).instrumentation(instrumentation).build().execute(QUERY);
    }
}
