package com.crashanalytics.persistence.replica;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The read replica on {@code /actuator/prometheus}: {@code gateway_read_replica_available} (1 while dashboard reads
 * go to it), {@code gateway_read_replica_lag_seconds} (at the last check; NaN while it does not answer),
 * {@code gateway_read_replica_reads_total} and {@code gateway_read_replica_fallbacks_total} (dashboard reads the
 * primary answered because the replica was away or too far behind), and its connection pool's
 * {@code hikaricp_connections*{pool="gateway-read-replica"}} as Boot publishes the primary's. Figures kept in memory:
 * a scrape never waits for a database.
 */
public final class ReadReplicaMetrics implements MeterBinder {

    private final ReadReplica replica;

    public ReadReplicaMetrics(ReadReplica replica) {
        this.replica = replica;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("gateway.read.replica.available", replica, r -> r.readable() ? 1 : 0)
                .description("1 while dashboard reads go to the read replica, 0 while the primary answers them")
                .register(registry);
        Gauge.builder("gateway.read.replica.lag", replica, ReadReplica::lagSeconds).baseUnit("seconds")
                .description("How far the read replica is behind the primary, at its last check (NaN: it did not answer)")
                .register(registry);
        FunctionCounter.builder("gateway.read.replica.reads", replica, ReadReplica::reads)
                .description("Dashboard reads answered by the read replica")
                .register(registry);
        FunctionCounter.builder("gateway.read.replica.fallbacks", replica, ReadReplica::fallbacks)
                .description("Dashboard reads answered by the primary because the read replica was away or too far behind")
                .register(registry);
        if (replica.standby() instanceof HikariDataSource pool && pool.getMetricRegistry() == null) {
            pool.setMetricRegistry(registry);
        }
    }
}
