package com.crashanalytics.api.alert;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.crashanalytics.domain.alert.AlertEvaluationService;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import com.crashanalytics.domain.alert.EvaluateAlertRulesUseCase;
import com.crashanalytics.domain.alert.EvaluateAlertRulesUseCase.Evaluation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Evaluations started at once (as by several replicas) run one at a time: each alert is raised once. */
class AlertEvaluationOnOneReplicaIT extends AlertTestSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void whileAnotherReplicaHoldsTheLockAnEvaluationSkipsAndRaisesNothing() {
        raiseableCondition();
        Evaluation skipped = new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
            assertThat(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(" + 0x5CED + ", hashtext('" + AlertEvaluationService.JOB + "'))", Boolean.class))
                    .isTrue();
            return runElsewhere(evaluation::evaluate);
        });
        assertThat(skipped).isEqualTo(new Evaluation(false, 0, 0, 0));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts", Integer.class)).isZero();
        assertThat(evaluation.evaluate().raised()).isEqualTo(1); // the lock went with the other transaction
    }

    @Test
    void evaluationsRacingEachOtherRaiseEachAlertOnce() throws Exception {
        raiseableCondition();
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM live_events", Long.class); // the journal stays between tests
        int racers = 4;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Evaluation>> runs = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return evaluation.evaluate();
                }));
            }
            int raised = 0;
            for (Future<Evaluation> run : runs) {
                raised += run.get().raised();
            }
            assertThat(raised).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM live_event_entries WHERE kind = 'ALERT_RAISED' AND id > ?",
                Integer.class, before)).isEqualTo(1);
    }

    /** A session at a loss streak of 1 under a LOSS_STREAK rule of 1. */
    private void raiseableCondition() {
        GraphQlClient client = new GraphQlClient(port);
        WritePath writes = new WritePath(client, jdbc).activeSession();
        new AlertFixtures(client, evaluation).rule("any loss", "LOSS_STREAK", "count", 1);
        ok(writes.logRound(with(WritePath.round(1, "LOSS", "10", "1.20", null), "targetMultiplier", "2.00")));
    }

    private static <T> T runElsewhere(Callable<T> work) {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(work).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            thread.shutdownNow();
        }
    }
}
