package com.crashanalytics.api.config;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;

/**
 * graphql-java's chain of instrumentations, minus what it costs per field and per object when none of them listens
 * there.
 * <p>
 * {@link ChainedInstrumentation} asks every member at every field (execution, fetch, completion, list completion)
 * and every object, collecting their contexts into a new list and a new chained context each time, even when each
 * member answers "nothing" — which is what the gateway's instrumentations (document limits, access control, the
 * request's observation, authorship) all answer: they act per operation (authorship wraps root fields' fetchers,
 * through {@link #instrumentDataFetcher}). A 10 × 10 × 20 dashboard resolves some 25,000 fields,
 * and that bookkeeping was about a tenth of its request thread's CPU (JFR, 2026-12-05). This chain asks, once at
 * construction, which of those hooks any member overrides (a method declared below {@link Instrumentation} and
 * {@link SimplePerformantInstrumentation}, which answer nothing); the hooks nobody overrides answer "nothing" at
 * once, the others go through the full chain. Every hook of an operation (parse, validation, execution, the
 * execution input and result) is left to the chain. So an instrumentation added later that does listen per field is
 * called exactly as before.
 * <p>
 * {@link #instrumentDataFetcher} is asked of the chain for every field too, and the chain looks up each member's
 * state and asks each member in turn: 4.6-6.9 % of a 10 × 10 × 20 dashboard's request-thread CPU and 13 % of a
 * time series' of 2,300 points (async-profiler, 2026-12-07), though the gateway's two members that override it
 * (authorship, which wraps root fields only, and the request's observation, which wraps nothing) return a property
 * read as it is. So a data fetcher goes through the chain only when some member overrides the hook, and a trivial
 * one (a property read) only when one of those members does not declare that it passes trivial fetchers through
 * ({@link PassesTrivialFetchersThrough}).
 */
final class FieldLevelSkippingChain extends ChainedInstrumentation {

    private final boolean fieldExecutionHeard;
    private final boolean fieldFetchHeard;
    private final boolean fieldCompletionHeard;
    private final boolean listCompletionHeard;
    private final boolean objectExecutionHeard;
    private final boolean deferredFieldHeard;
    private final boolean dataFetchersInstrumented;
    private final boolean trivialFetchersPassThrough;

    FieldLevelSkippingChain(List<Instrumentation> instrumentations) {
        super(instrumentations);
        fieldExecutionHeard = anyOverrides(instrumentations, "beginFieldExecution", InstrumentationFieldParameters.class);
        fieldFetchHeard = anyOverrides(instrumentations, "beginFieldFetch", InstrumentationFieldFetchParameters.class)
                || anyOverrides(instrumentations, "beginFieldFetching", InstrumentationFieldFetchParameters.class);
        fieldCompletionHeard = anyOverrides(instrumentations, "beginFieldCompletion",
                InstrumentationFieldCompleteParameters.class);
        listCompletionHeard = anyOverrides(instrumentations, "beginFieldListCompletion",
                InstrumentationFieldCompleteParameters.class);
        objectExecutionHeard = anyOverrides(instrumentations, "beginExecuteObject",
                InstrumentationExecutionStrategyParameters.class);
        deferredFieldHeard = anyOverrides(instrumentations, "beginDeferredField", InstrumentationFieldParameters.class);
        List<Instrumentation> fetcherInstrumenters = instrumentations.stream()
                .filter(instrumentation -> overrides(instrumentation, "instrumentDataFetcher", DataFetcher.class,
                        InstrumentationFieldFetchParameters.class))
                .toList();
        dataFetchersInstrumented = !fetcherInstrumenters.isEmpty();
        trivialFetchersPassThrough = fetcherInstrumenters.stream()
                .allMatch(instrumentation -> instrumentation instanceof PassesTrivialFetchersThrough);
    }

    /** Whether the chain passes this hook on: false when no member overrides it. */
    boolean hears(String hook) {
        return switch (hook) {
            case "beginFieldExecution" -> fieldExecutionHeard;
            case "beginFieldFetch", "beginFieldFetching" -> fieldFetchHeard;
            case "beginFieldCompletion" -> fieldCompletionHeard;
            case "beginFieldListCompletion" -> listCompletionHeard;
            case "beginExecuteObject" -> objectExecutionHeard;
            case "beginDeferredField" -> deferredFieldHeard;
            case "instrumentDataFetcher" -> dataFetchersInstrumented;
            default -> true;
        };
    }

    /** Whether the chain asks its members to instrument a trivial data fetcher (a property read). */
    boolean instrumentsTrivialFetchers() {
        return dataFetchersInstrumented && !trivialFetchersPassThrough;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (!dataFetchersInstrumented || (trivialFetchersPassThrough && parameters.isTrivialDataFetcher())) {
            return dataFetcher;
        }
        return super.instrumentDataFetcher(dataFetcher, parameters, state);
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
                                                              InstrumentationState state) {
        return fieldExecutionHeard ? super.beginFieldExecution(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                                                          InstrumentationState state) {
        return fieldFetchHeard ? super.beginFieldFetch(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
                                                                  InstrumentationState state) {
        return fieldFetchHeard ? super.beginFieldFetching(parameters, state) : FieldFetchingInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                                                               InstrumentationState state) {
        return fieldCompletionHeard ? super.beginFieldCompletion(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                   InstrumentationState state) {
        return listCompletionHeard ? super.beginFieldListCompletion(parameters, state)
                : SimpleInstrumentationContext.noOp();
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
                                                                  InstrumentationState state) {
        return objectExecutionHeard ? super.beginExecuteObject(parameters, state) : ExecuteObjectInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginDeferredField(InstrumentationFieldParameters parameters,
                                                             InstrumentationState state) {
        return deferredFieldHeard ? super.beginDeferredField(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    private static boolean anyOverrides(List<Instrumentation> instrumentations, String hook, Class<?> parameters) {
        return instrumentations.stream().anyMatch(instrumentation -> overrides(instrumentation, hook, parameters));
    }

    /**
     * Whether the instrumentation's class (or a superclass of its own) declares the hook, whose parameters are
     * {@code parameters} and then the state: then it may listen.
     */
    static boolean overrides(Instrumentation instrumentation, String hook, Class<?>... parameters) {
        Class<?>[] withState = Arrays.copyOf(parameters, parameters.length + 1);
        withState[parameters.length] = InstrumentationState.class;
        try {
            Method method = instrumentation.getClass().getMethod(hook, withState);
            Class<?> declaredBy = method.getDeclaringClass();
            return declaredBy != Instrumentation.class && declaredBy != SimplePerformantInstrumentation.class;
        } catch (NoSuchMethodException notInThisVersion) {
            return true; // cannot tell: let the chain ask it
        }
    }
}
