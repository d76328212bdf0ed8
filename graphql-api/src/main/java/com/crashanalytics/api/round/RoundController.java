package com.crashanalytics.api.round;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.input.InputRecords;
import com.crashanalytics.api.metrics.RoundIngestMetrics;
import com.crashanalytics.api.round.RoundInputs.LogMultiplierInput;
import com.crashanalytics.api.round.RoundInputs.LogRoundInput;
import com.crashanalytics.api.round.RoundInputs.LogRoundsInput;
import com.crashanalytics.api.round.RoundInputs.LogSignalInput;
import com.crashanalytics.domain.round.LogRoundCommand;
import com.crashanalytics.domain.round.LogRoundDetailUseCase;
import com.crashanalytics.domain.round.LogRoundDetailUseCase.LoggedSample;
import com.crashanalytics.domain.round.LogRoundDetailUseCase.LoggedSignal;
import com.crashanalytics.domain.round.LogRoundUseCase;
import com.crashanalytics.domain.round.LogRoundUseCase.LoggedRound;
import com.crashanalytics.domain.round.LogRoundsCommand;
import com.crashanalytics.domain.round.RoundReport;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Rounds and what was observed during them, logged by bots: the write side (read through RoundReadController). */
@Controller
class RoundController {

    private final LogRoundUseCase logRound;
    private final LogRoundDetailUseCase logDetail;
    private final Clock clock;
    private final RoundIngestMetrics ingest;

    RoundController(LogRoundUseCase logRound, LogRoundDetailUseCase logDetail, Clock clock,
                    RoundIngestMetrics ingest) {
        this.logRound = logRound;
        this.logDetail = logDetail;
        this.clock = clock;
        this.ingest = ingest;
    }

    /** Bound by {@link InputRecords}, not {@code @Argument}: the hot path of the gateway (see there). */
    @MutationMapping
    LoggedRound logRound(@Argument Map<String, Object> input) {
        return ingest.count(() -> List.of(logRound.logRound(new LogRoundCommand(clock.instant(),
                InputRecords.bind(input, LogRoundInput.class).toReport())))).get(0);
    }

    @MutationMapping
    LogRoundsPayload logRounds(@Argument Map<String, Object> input) {
        List<LoggedRound> logged = ingest.count(() -> {
            List<RoundReport> reports = InputRecords.bind(input, LogRoundsInput.class).toReports();
            ingest.batchReceived(reports.size());
            return logRound.logRounds(new LogRoundsCommand(clock.instant(), reports));
        });
        int duplicates = (int) logged.stream().filter(LoggedRound::duplicate).count();
        return new LogRoundsPayload(logged, logged.size() - duplicates, duplicates);
    }

    @MutationMapping
    LoggedSample logMultiplier(@Argument LogMultiplierInput input) {
        return logDetail.logMultiplier(input.toCommand(clock.instant()));
    }

    @MutationMapping
    LoggedSignal logSignal(@Argument LogSignalInput input) {
        return logDetail.logSignal(input.toCommand(clock.instant()));
    }

    /** The GraphQL {@code LogRoundsPayload}. */
    record LogRoundsPayload(List<LoggedRound> rounds, int written, int duplicates) {
    }
}
