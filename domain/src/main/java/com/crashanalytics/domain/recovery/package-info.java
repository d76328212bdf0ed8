/**
 * Restart recovery: what a bot that restarted asks the gateway so it carries on where it left off, without gaps or
 * duplicates (its open session, the last round number held, the balance tracked, the last rounds). Depends on the
 * bot, session and round areas; none depends on it.
 */
@NullMarked
package com.crashanalytics.domain.recovery;

import org.jspecify.annotations.NullMarked;
