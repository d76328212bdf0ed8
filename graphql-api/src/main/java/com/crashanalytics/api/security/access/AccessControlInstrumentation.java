package com.crashanalytics.api.security.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import com.crashanalytics.api.security.authentication.Callers;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.ApiKeyRole;
import com.crashanalytics.domain.access.BotOwnership;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.MergedField;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;

/**
 * Decides, before anything executes, whether the caller may run every root field of the operation, from the
 * declared {@link AccessPolicies} and the root fields' arguments as coerced by GraphQL. If any root field is
 * refused, the whole operation is: one error per refused field, and nothing runs, so nothing is written. Fields
 * without a policy are refused (deny by default). Introspection ({@code __schema}, {@code __type},
 * {@code __typename}) is open to every key; it can be switched off as a whole by configuration.
 */
public final class AccessControlInstrumentation extends SimplePerformantInstrumentation {

    private static final Logger log = LoggerFactory.getLogger(AccessControlInstrumentation.class);

    private final AccessPolicies policies;
    private final BotOwnership ownership;

    AccessControlInstrumentation(AccessPolicies policies, BotOwnership ownership) {
        this.policies = policies;
        this.ownership = ownership;
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Optional<ApiKey> caller = Callers.of(execution.getGraphQLContext());
        if (caller.isEmpty()) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.UNAUTHORIZED).message("an API key is required").locations(null).build()));
        }
        String rootType = rootTypeOf(execution.getOperationDefinition().getOperation());
        ExecutableNormalizedOperation operation = execution.getNormalizedQueryTree().get();
        List<GraphQLError> refusals = new ArrayList<>();
        try {
            for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
                refusal(caller.get(), rootType, field)
                        .map(refused -> refused.location(locationOf(operation, field)).build())
                        .ifPresent(refusals::add);
            }
        } catch (RuntimeException lookupFailed) {
            // E.g. the database did not answer an owner lookup: refuse, and say no more than an error id.
            String errorId = UUID.randomUUID().toString();
            log.error("Unexpected error {} while authorizing an operation", errorId, lookupFailed);
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().errorType(ErrorType.INTERNAL_ERROR)
                    .message("Internal error; quote error id " + errorId + " when reporting it")
                    .extensions(Map.of("errorId", errorId)).locations(null).build()));
        }
        if (!refusals.isEmpty()) {
            throw new AbortExecutionException(refusals);
        }
        return null;
    }

    private static @Nullable SourceLocation locationOf(ExecutableNormalizedOperation operation, ExecutableNormalizedField field) {
        MergedField merged = operation.getNormalizedFieldToMergedField().get(field);
        return merged == null ? null : merged.getSingleField().getSourceLocation();
    }

    private Optional<GraphqlErrorBuilder<?>> refusal(ApiKey caller, String rootType, ExecutableNormalizedField field) {
        String name = field.getFieldName();
        if (name.startsWith("__")) {
            return Optional.empty();
        }
        Optional<AccessPolicy> declared = policies.of(rootType, name);
        if (declared.isEmpty()) {
            return forbidden(field, rootType + "." + name + " has no access policy, so no key may call it", null);
        }
        AccessPolicy policy = declared.get();
        if (!policy.allows(caller.role())) {
            return forbidden(field, "a " + caller.role() + " key may not call " + rootType + "." + name
                    + " (allowed: " + new TreeSet<>(policy.roles()) + ")", null);
        }
        if (caller.role() != ApiKeyRole.BOT) {
            return Optional.empty();
        }
        BotScope scope = policy.botScope().orElseThrow();
        if (scope instanceof BotScope.BotIdAt botIdAt) {
            ArgumentPath path = botIdAt.path();
            return outsideOwnBots(caller, field, path, path.valuesIn(field.getResolvedArguments()), "bot");
        }
        if (scope instanceof BotScope.OwnerOf ownerOf) {
            ArgumentPath path = ownerOf.path();
            List<String> ids = path.valuesIn(field.getResolvedArguments());
            Map<String, String> owners = ownership.ownersOf(ownerOf.resource(),
                    ids.stream().filter(Objects::nonNull).distinct().toList());
            // An id that names nothing has no owner: refused, which also keeps a BOT key from probing ids.
            List<String> ownerOfEach = ids.stream().map(id -> id == null ? null : owners.get(id)).toList();
            return outsideOwnBots(caller, field, path, ownerOfEach, ownerOf.resource().name().toLowerCase() + "'s bot");
        }
        return Optional.empty(); // filtered by the resolver, or no bot's data at all
    }

    private static Optional<GraphqlErrorBuilder<?>> outsideOwnBots(ApiKey caller, ExecutableNormalizedField field,
                                                         ArgumentPath path, Collection<String> botIds, String what) {
        if (botIds.isEmpty() || botIds.contains(null)) {
            return forbidden(field, "a BOT key must name one of its own bots in " + path + " " + caller.botIds(),
                    path.text());
        }
        List<String> foreign = botIds.stream().filter(botId -> !caller.isBoundTo(botId)).distinct().sorted().toList();
        if (foreign.isEmpty()) {
            return Optional.empty();
        }
        return forbidden(field, "this BOT key acts for " + caller.botIds() + ", not for the " + what + " "
                + String.join(", ", foreign.stream().map(id -> "'" + id + "'").toList()) + " (" + path + ")", path.text());
    }

    private static Optional<GraphqlErrorBuilder<?>> forbidden(ExecutableNormalizedField field, String message,
                                                    @Nullable String argumentPath) {
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError()
                .errorType(ErrorType.FORBIDDEN)
                .message(message)
                .path(List.of(field.getResultKey()));
        if (argumentPath != null) {
            error.extensions(Map.of("field", argumentPath));
        }
        return Optional.of(error);
    }

    private static String rootTypeOf(OperationDefinition.Operation operation) {
        return switch (operation) {
            case QUERY -> "Query";
            case MUTATION -> "Mutation";
            case SUBSCRIPTION -> "Subscription";
        };
    }
}
