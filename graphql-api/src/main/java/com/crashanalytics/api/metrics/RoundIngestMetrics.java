package com.crashanalytics.api.metrics;

import java.util.List;
import java.util.function.Supplier;

import com.crashanalytics.api.error.ProblemRules;
import com.crashanalytics.domain.common.DomainException;
import com.crashanalytics.domain.round.LogRoundUseCase.LoggedRound;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the write path did with the rounds bots sent ({@code logRound}, {@code logRounds}), counted in the adapter
 * so the domain stays free of Micrometer:
 * <ul>
 *   <li>{@code gateway.rounds.ingested}: rounds stored;</li>
 *   <li>{@code gateway.rounds.duplicates}: rounds sent again with the same content (answered, not stored again);</li>
 *   <li>{@code gateway.rounds.rejected{rule}}: one per problem a refused request reported, by its
 *       {@code extensions.rule} (a closed set of codes: bounded cardinality). A refused batch stores nothing, and
 *       its rounds without a problem are not counted here;</li>
 *   <li>{@code gateway.rounds.batch.size}: rounds per {@code logRounds} request (a histogram).</li>
 * </ul>
 */
public class RoundIngestMetrics {

    static final String INGESTED = "gateway.rounds.ingested";
    static final String DUPLICATES = "gateway.rounds.duplicates";
    static final String REJECTED = "gateway.rounds.rejected";
    static final String BATCH_SIZE = "gateway.rounds.batch.size";

    private final MeterRegistry registry;
    private final Counter ingested;
    private final Counter duplicates;
    private final DistributionSummary batchSizes;

    public RoundIngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ingested = Counter.builder(INGESTED)
                .description("Rounds stored by logRound and logRounds").register(registry);
        this.duplicates = Counter.builder(DUPLICATES)
                .description("Rounds sent again with the same content: answered from what is stored").register(registry);
        this.batchSizes = DistributionSummary.builder(BATCH_SIZE)
                .description("Rounds per logRounds request")
                .serviceLevelObjectives(1, 5, 10, 25, 50, 100, 250, 500, 1000)
                .register(registry);
    }

    /** Counts the rounds the logging answers (stored or duplicate), or the problems of its refusal. */
    public List<LoggedRound> count(Supplier<List<LoggedRound>> logging) {
        List<LoggedRound> logged;
        try {
            logged = logging.get();
        } catch (DomainException refused) {
            for (String rule : ProblemRules.of(refused)) {
                Counter.builder(REJECTED).tag("rule", rule)
                        .description("Problems of refused logRound and logRounds requests, by the rule broken")
                        .register(registry).increment();
            }
            throw refused;
        }
        long duplicate = logged.stream().filter(LoggedRound::duplicate).count();
        duplicates.increment(duplicate);
        ingested.increment(logged.size() - duplicate);
        return logged;
    }

    /** A {@code logRounds} request carried this many rounds. */
    public void batchReceived(int rounds) {
        batchSizes.record(rounds);
    }
}
