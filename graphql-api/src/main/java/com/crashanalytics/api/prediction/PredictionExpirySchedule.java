package com.crashanalytics.api.prediction;

import java.time.Clock;

import com.crashanalytics.domain.common.ScheduledWorkLock;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.live.EventJournal;
import com.crashanalytics.domain.prediction.ExpireOverduePredictionsUseCase;
import com.crashanalytics.domain.prediction.ExpireOverduePredictionsUseCase.Expiry;
import com.crashanalytics.domain.prediction.OverduePredictionExpiry;
import com.crashanalytics.domain.prediction.Prediction;
import com.crashanalytics.domain.prediction.PredictionBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the expiry of overdue predictions every {@code gateway.predictions.expiry-interval} on every replica; the job's
 * advisory lock lets one of them work and the others skip. Predictions are judged by the rounds that decide them;
 * this catches the ones no round will decide because the game's rounds stopped.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class PredictionExpirySchedule {

    /** Predictions one pass judges at most: a backlog (a platform down for a day) is taken over a few passes. */
    static final int BATCH_SIZE = 500;

    private static final Logger log = LoggerFactory.getLogger(PredictionExpirySchedule.class);

    private final ExpireOverduePredictionsUseCase expiry;
    private final Clock clock;

    PredictionExpirySchedule(PredictionSettings settings, PredictionBook book, EventJournal journal,
                             ScheduledWorkLock lock, Transactions transactions, Clock clock) {
        this.expiry = new OverduePredictionExpiry(book, journal, lock, transactions, settings.expiryGrace(),
                BATCH_SIZE);
        this.clock = clock;
    }

    @Bean
    ExpireOverduePredictionsUseCase expireOverduePredictions() {
        return expiry;
    }

    /** One pass now; what the schedule calls. */
    @Scheduled(fixedDelayString = "${gateway.predictions.expiry-interval}",
            initialDelayString = "${gateway.predictions.expiry-interval}")
    public Expiry expireNow() {
        Expiry pass = expiry.expire(clock.instant());
        if (!pass.verdicts().isEmpty()) {
            log.info("Judged {} prediction(s) still pending past their deadline (no round decided them): {}",
                    pass.verdicts().size(), pass.verdicts().stream().map(Prediction::id).toList());
        }
        return pass;
    }
}
