package com.crashanalytics.api.lifecycle;

import java.time.Duration;
import java.util.Map;

import com.crashanalytics.domain.lifecycle.RetainedData;
import com.crashanalytics.domain.lifecycle.RetentionPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.retention.*} ({@code GATEWAY_RETENTION_*}): keep times per kind of data (zero keeps it for ever),
 * the rows one delete takes, and the months after the current one whose rounds' partitions are created ahead. The
 * schedule is read by {@link RetentionSchedule}.
 */
@ConfigurationProperties("gateway.retention")
record RetentionSettings(Duration rounds, Duration errors, Duration ocrValidations, int batchSize,
                         int partitionsAhead) {

    RetentionPolicy policy() {
        return new RetentionPolicy(Map.of(RetainedData.ROUNDS, rounds, RetainedData.ERRORS, errors,
                RetainedData.OCR_VALIDATIONS, ocrValidations), batchSize, partitionsAhead);
    }
}
