package com.crashanalytics.api.config;

import java.lang.reflect.Method;
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
 * execution input and result) and {@link #instrumentDataFetcher} (a loop without allocation) are left to the
 * chain. So an instrumentation added later that does listen per field is called exactly as before.
 */
final class FieldLevelSkippingChain extends ChainedInstrumentation {

    private final boolean fieldExecutionHeard;
    private final boolean fieldFetchHeard;
    private final boolean fieldCompletionHeard;
    private final boolean listCompletionHeard;
    private final boolean objectExecutionHeard;
    private final boolean deferredFieldHeard;

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
            default -> true;
        };
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

    /** Whether the instrumentation's class (or a superclass of its own) declares the hook: then it may listen. */
    static boolean overrides(Instrumentation instrumentation, String hook, Class<?> parameters) {
        try {
            Method method = instrumentation.getClass().getMethod(hook, parameters, InstrumentationState.class);
            Class<?> declaredBy = method.getDeclaringClass();
            return declaredBy != Instrumentation.class && declaredBy != SimplePerformantInstrumentation.class;
        } catch (NoSuchMethodException notInThisVersion) {
            return true; // cannot tell: let the chain ask it
        }
    }
}
