package com.crashanalytics.domain.alert;

/** Inbound port: one evaluation of every enabled alert rule (the scheduler calls it on each replica). */
public interface EvaluateAlertRulesUseCase {

    Evaluation evaluate();

    /**
     * What an evaluation did.
     *
     * @param ran      false when another replica was evaluating (it then did nothing)
     * @param raised   alerts raised (new episodes outside the cool-down)
     * @param heldBack new episodes the cool-down kept silent
     * @param rearmed  episodes that ended, so their rule may alert about them again
     */
    record Evaluation(boolean ran, int raised, int heldBack, int rearmed) {

        static final Evaluation SKIPPED = new Evaluation(false, 0, 0, 0);
    }
}
