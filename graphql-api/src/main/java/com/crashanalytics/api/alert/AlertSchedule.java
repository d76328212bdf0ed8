package com.crashanalytics.api.alert;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.domain.alert.DeliverAlertsUseCase;
import com.crashanalytics.domain.alert.EvaluateAlertRulesUseCase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the alert evaluation and delivery on every replica, each at its interval after the previous run ended (so a
 * slow run never overlaps itself). Evaluation is exclusive across replicas by its advisory lock; deliveries are
 * shared out by their claims. A failing run is logged and the next one tries again.
 */
public final class AlertSchedule implements SmartLifecycle {

    /** Deliveries one run attempts at most, so a backlog cannot hold the thread for long. */
    static final int DELIVERIES_PER_RUN = 100;

    private static final Logger LOG = LoggerFactory.getLogger(AlertSchedule.class);

    private final EvaluateAlertRulesUseCase evaluation;
    private final DeliverAlertsUseCase delivery;
    private final AlertSettings settings;
    private @Nullable ScheduledExecutorService executor;

    public AlertSchedule(EvaluateAlertRulesUseCase evaluation, DeliverAlertsUseCase delivery, AlertSettings settings) {
        this.evaluation = evaluation;
        this.delivery = delivery;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, work -> {
            Thread thread = new Thread(work, "alerts");
            thread.setDaemon(true);
            return thread;
        });
        every(threads, settings.evaluationInterval(), () -> {
            EvaluateAlertRulesUseCase.Evaluation done = evaluation.evaluate();
            if (done.raised() > 0 || done.heldBack() > 0) {
                LOG.info("Alert evaluation: {} raised, {} held back by cool-downs, {} re-armed", done.raised(),
                        done.heldBack(), done.rearmed());
            }
        });
        every(threads, settings.deliveryInterval(), () -> delivery.deliverDue(DELIVERIES_PER_RUN));
        executor = threads;
    }

    private static void every(ScheduledExecutorService threads, Duration interval, Runnable run) {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        threads.scheduleWithFixedDelay(() -> {
            try {
                run.run();
            } catch (RuntimeException failure) {
                LOG.warn("Alert run failed; the next one tries again", failure);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
