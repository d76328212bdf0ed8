package com.crashanalytics.api.error;

import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.MultipleProblemsException;
import com.crashanalytics.domain.common.NotFoundException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns the domain's deliberate exceptions into GraphQL errors that name the offending input field and the
 * rule: one error per violation (and per problem of a rejected batch), with {@code extensions.classification}, {@code extensions.field} (e.g.
 * {@code input.baseStake}) and {@code extensions.rule}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class DomainErrorResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected List<GraphQLError> resolveToMultipleErrors(Throwable exception, DataFetchingEnvironment environment) {
        if (exception instanceof MultipleProblemsException multiple) {
            return multiple.problems().stream()
                    .map(problem -> resolveToMultipleErrors(problem, environment))
                    .filter(java.util.Objects::nonNull)
                    .flatMap(List::stream)
                    .toList();
        }
        if (exception instanceof InvalidInputException invalid) {
            return invalid.violations().stream()
                    .map(v -> error(environment, ErrorType.BAD_REQUEST, inputPath(environment, v.field()), v.rule(), v.message()))
                    .toList();
        }
        if (exception instanceof NotFoundException notFound) {
            return List.of(error(environment, ErrorType.NOT_FOUND, inputPath(environment, notFound.field()), ProblemRules.MUST_EXIST,
                    notFound.getMessage()));
        }
        if (exception instanceof ConflictException conflict) {
            return List.of(error(environment, GatewayErrorType.CONFLICT, inputPath(environment, conflict.field()), ProblemRules.CONFLICT,
                    conflict.getMessage()));
        }
        return null;
    }

    /** Violations name fields relative to the command; mutations take their command as the {@code input} argument. */
    private static String inputPath(DataFetchingEnvironment environment, String field) {
        return environment.containsArgument("input") ? "input." + field : field;
    }

    private static GraphQLError error(DataFetchingEnvironment environment, ErrorClassification classification,
                                      String field, String rule, String message) {
        return GraphqlErrorBuilder.newError(environment)
                .errorType(classification)
                .message(field + ": " + message)
                .extensions(Map.of("field", field, "rule", rule))
                .build();
    }
}
