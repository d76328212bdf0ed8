package com.crashanalytics.domain.audit;

/** What a change did to its entity. */
public enum AuditAction {
    /** The entity came to be: no before. */
    CREATED,
    /** The entity's configuration changed: before and after. */
    UPDATED,
    /** The API key was revoked: before and after (with revokedAt). */
    REVOKED,
    /** The entity is gone: no after. */
    DELETED
}
