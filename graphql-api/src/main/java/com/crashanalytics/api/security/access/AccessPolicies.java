package com.crashanalytics.api.security.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The access policy of every root field, by coordinates such as {@code Mutation.registerBot}. A field that has
 * none is denied to everyone (deny by default); {@code AccessPolicyCoverageTest} fails the build when a root
 * field of schema.graphqls has no policy, or a policy names a field or argument the schema does not have.
 */
public final class AccessPolicies {

    private final Map<String, AccessPolicy> byCoordinates;

    private AccessPolicies(Map<String, AccessPolicy> byCoordinates) {
        this.byCoordinates = Collections.unmodifiableMap(new LinkedHashMap<>(byCoordinates));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The policy of {@code Type.field}, if one was declared. */
    public Optional<AccessPolicy> of(String rootType, String field) {
        return Optional.ofNullable(byCoordinates.get(rootType + "." + field));
    }

    /** Every declared policy, by coordinates, in declaration order. */
    public Map<String, AccessPolicy> all() {
        return byCoordinates;
    }

    public Set<String> coordinates() {
        return byCoordinates.keySet();
    }

    /** Declares policies; declaring one field twice is a mistake and fails at once. */
    public static final class Builder {

        private final Map<String, AccessPolicy> policies = new LinkedHashMap<>();

        public Builder query(String field, AccessPolicy policy) {
            return declare("Query", field, policy);
        }

        public Builder mutation(String field, AccessPolicy policy) {
            return declare("Mutation", field, policy);
        }

        public Builder subscription(String field, AccessPolicy policy) {
            return declare("Subscription", field, policy);
        }

        private Builder declare(String rootType, String field, AccessPolicy policy) {
            if (policies.putIfAbsent(rootType + "." + field, policy) != null) {
                throw new IllegalStateException(rootType + "." + field + " has two access policies");
            }
            return this;
        }

        public AccessPolicies build() {
            return new AccessPolicies(policies);
        }
    }
}
