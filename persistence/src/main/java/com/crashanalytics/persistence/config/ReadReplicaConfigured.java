package com.crashanalytics.persistence.config;

/** Matches when a read replica is configured: {@code gateway.read-replica.url} (GATEWAY_READ_REPLICA_URL) not blank. */
class ReadReplicaConfigured extends PropertyPresence {

    ReadReplicaConfigured() {
        super("gateway.read-replica.url", true);
    }
}
