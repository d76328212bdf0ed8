package com.crashanalytics.api.metrics;

import java.util.List;

import graphql.execution.ExecutionContext;
import graphql.language.Field;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

/**
 * Tags {@code graphql.request} with the operation it ran, {@code graphql.root.field} (e.g. {@code logRound},
 * {@code bots}), so latency histograms are per operation. The operation's name is the client's choice (unbounded);
 * the root field is one of the schema's, so the tag's values are bounded by the schema: {@value #SEVERAL} for a
 * document with several root fields, {@value #NONE} for one refused before execution (syntax, validation, access).
 */
public class RootFieldObservationConvention extends DefaultExecutionRequestObservationConvention {

    static final String ROOT_FIELD = "graphql.root.field";
    static final String SEVERAL = "(several)";
    static final String NONE = "(none)";

    @Override
    public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(ROOT_FIELD, rootField(context)));
    }

    private static String rootField(ExecutionRequestObservationContext context) {
        ExecutionContext execution = context.getExecutionContext();
        if (execution == null || execution.getOperationDefinition() == null) {
            return NONE;
        }
        List<String> names = execution.getOperationDefinition().getSelectionSet().getSelections().stream()
                .filter(Field.class::isInstance).map(field -> ((Field) field).getName()).distinct().toList();
        return switch (names.size()) {
            case 0 -> NONE;
            case 1 -> names.get(0);
            default -> SEVERAL;
        };
    }
}
