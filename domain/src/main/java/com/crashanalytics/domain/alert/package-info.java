/**
 * Alerts: rules an administrator defines over the fleet (drawdown, loss streak, bust, silence, balance, a missing
 * big crash, a confident signal, a platform departing from its RTP), evaluated on one replica at a time, raised once
 * per condition episode, journaled for live consoles and delivered at least once to webhooks, Slack and Telegram.
 */
@NullMarked
package com.crashanalytics.domain.alert;

import org.jspecify.annotations.NullMarked;
