package com.crashanalytics.simulator.play;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.play.SimulatedPredictor.TableRound;
import org.junit.jupiter.api.Test;

class SimulatedPredictorTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final GameTable TABLE = new GameTable("aviator", "dafabet");

    /** Rounds 15 s apart; the 5th (index 4) and the 12th (index 11) reach 10x. */
    private static List<TableRound> rounds() {
        List<TableRound> rounds = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            rounds.add(new TableRound(T0.plusSeconds(15L * i), new BigDecimal(i == 4 || i == 11 ? "12.5" : "1.5")));
        }
        return rounds;
    }

    /**
     * Every 3 rounds, "≥ 10x within 3": made after rounds 2, 5, 8 (index), where 3 rounds follow (not after 11).
     * Windows: 3–5 holds index 4 (hit), 6–8 none, 9–11 holds index 11 (hit). Without skill or noise the confidence is
     * the crash law's 1 − (1 − 0.097)³ = 1 − 0.736314327 = 0.2637 (to 4 decimals); as an oracle 0.99 or 0.01.
     */
    @Test
    void leansFromTheCrashLawTowardWhatHappensByItsSkill() {
        CrashDistribution law = CrashDistribution.STANDARD;

        List<SimulatedPrediction> none = new SimulatedPredictor("none", 0, 0, BigDecimal.TEN, 3, 3)
                .predict(TABLE, rounds(), law, new Random(1));
        List<SimulatedPrediction> oracle = new SimulatedPredictor("oracle", 1, 0, BigDecimal.TEN, 3, 3)
                .predict(TABLE, rounds(), law, new Random(1));

        assertThat(none).extracting(SimulatedPrediction::confidence).containsExactly(0.2637, 0.2637, 0.2637);
        assertThat(oracle).extracting(SimulatedPrediction::confidence).containsExactly(0.99, 0.01, 0.99);
        assertThat(oracle.get(0).madeAt()).isEqualTo(T0.plusSeconds(30).plusMillis(1));
        assertThat(oracle.get(0).predictionId()).isEqualTo("oracle-aviator-dafabet-2");
    }
}
