package com.crashanalytics.domain.session;

/**
 * A session as stored after a start or end request.
 *
 * @param duplicate the request repeated one already applied: nothing was written
 */
public record SessionResult(Session session, boolean duplicate) {
}
