package com.crashanalytics.domain.audit;

/** Outbound port: the append-only history of configuration changes, written by the {@link Auditor}. */
public interface AuditTrail {

    /** Stores a change (its id and key label are ignored), in the transaction of the change itself. */
    void append(AuditedChange change);
}
