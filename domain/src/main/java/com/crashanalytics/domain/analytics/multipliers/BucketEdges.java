package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Where a histogram of crash multipliers cuts: edges e₁ &lt; e₂ &lt; … &lt; e_k, each ≥ 1. The buckets are
 * [1, e₁), [e₁, e₂), …, [e_k, ∞), the first left out when e₁ = 1: each edge is the inclusive lower bound of a
 * bucket, exactly as PostgreSQL's {@code width_bucket(crash, ARRAY[e₁, …, e_k])} numbers them (0 for [1, e₁)).
 * Self-validating: every broken rule is reported at once, under the argument name {@code edges}.
 *
 * @param edges the edges, ascending
 */
public record BucketEdges(List<BigDecimal> edges) {

    public static final int MAX_EDGES = 100;

    /** 1.00x alone (instant crashes), below 1.5x, 2x, 3x, 5x, 10x, 20x, 50x, 100x and above. */
    public static final BucketEdges DEFAULT = new BucketEdges(List.of(
            new BigDecimal("1.01"), new BigDecimal("1.5"), new BigDecimal("2"), new BigDecimal("3"),
            new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("50"),
            new BigDecimal("100")));

    public BucketEdges {
        Violations violations = new Violations();
        if (edges.isEmpty()) {
            violations.add("edges", "NOT_EMPTY", "needs at least one bucket edge");
        }
        violations.check(edges.size() <= MAX_EDGES, "edges", "MAX_SIZE",
                "may have at most " + MAX_EDGES + " edges (got " + edges.size() + ")");
        for (int i = 0; i < edges.size(); i++) {
            String field = "edges[" + i + "]";
            violations.multiplier(field, edges.get(i));
            if (i > 0 && !violations.hasViolationOn(field) && !violations.hasViolationOn("edges[" + (i - 1) + "]")) {
                violations.check(edges.get(i).compareTo(edges.get(i - 1)) > 0, field, "ASCENDING",
                        "edges must be strictly ascending: " + edges.get(i).toPlainString() + " follows "
                                + edges.get(i - 1).toPlainString());
            }
        }
        violations.throwIfAny();
        edges = List.copyOf(edges);
    }

    /** The buckets, in order: [1, e₁) when e₁ &gt; 1, then [eᵢ, eᵢ₊₁), then [e_k, ∞). */
    public List<Range> buckets() {
        List<Range> buckets = new ArrayList<>();
        if (edges.get(0).compareTo(BigDecimal.ONE) > 0) {
            buckets.add(new Range(BigDecimal.ONE, edges.get(0)));
        }
        for (int i = 0; i < edges.size(); i++) {
            buckets.add(new Range(edges.get(i), i + 1 < edges.size() ? edges.get(i + 1) : null));
        }
        return List.copyOf(buckets);
    }

    /**
     * A bucket of multipliers, [lower, upper).
     *
     * @param lower the smallest multiplier in it
     * @param upper the first multiplier above it; null for the last, open bucket
     */
    public record Range(BigDecimal lower, @Nullable BigDecimal upper) {

        public boolean contains(BigDecimal multiplier) {
            return multiplier.compareTo(lower) >= 0 && (upper == null || multiplier.compareTo(upper) < 0);
        }
    }
}
