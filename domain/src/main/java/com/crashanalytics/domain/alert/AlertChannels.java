package com.crashanalytics.domain.alert;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Outbound port: the channels alerts go to (generic webhook, Slack, Telegram), configured by name in the
 * environment with their secrets, which never leave the adapter.
 */
public interface AlertChannels {

    /** The configured channels by name, without secrets. */
    List<Channel> configured();

    default boolean isConfigured(String name) {
        return configured().stream().anyMatch(channel -> channel.name().equals(name));
    }

    /** One attempt to deliver an alert; never throws for a failed attempt, it says why. */
    Attempt send(String channel, Alert alert, String idempotencyKey);

    /** A configured channel: its name and kind (WEBHOOK, SLACK, TELEGRAM). */
    record Channel(String name, String kind) {
    }

    /** How an attempt went: delivered, or the error to log and retry after. */
    record Attempt(boolean delivered, @Nullable String error) {

        public static Attempt ok() {
            return new Attempt(true, null);
        }

        public static Attempt failed(String error) {
            return new Attempt(false, error);
        }
    }
}
