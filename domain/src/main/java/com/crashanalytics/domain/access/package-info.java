/**
 * Who may use the gateway: API keys with a role (ADMIN, BOT bound to its bots, DASHBOARD), issued once, stored
 * only as a hash, revocable; and the lookups that tell which bot owns a session or a round, so an adapter can
 * decide whether a bot's key may touch it.
 */
@NullMarked
package com.crashanalytics.domain.access;

import org.jspecify.annotations.NullMarked;
