package com.crashanalytics.api.alert;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.crashanalytics.domain.alert.AlertChannels;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.alerts.*}: how often rules are evaluated and deliveries attempted, the retry policy, and the
 * channels by name. A channel's secrets (webhook signing secret, Slack URL, Telegram token) come from the
 * environment, e.g. {@code GATEWAY_ALERTS_CHANNELS_OPS_KIND=WEBHOOK}, {@code GATEWAY_ALERTS_CHANNELS_OPS_URL=...},
 * {@code GATEWAY_ALERTS_CHANNELS_OPS_SECRET=...}; they are never stored in the database nor answered by a query.
 *
 * @param evaluationInterval how often a replica tries to evaluate the rules (only one at a time does); 0 = never
 * @param deliveryInterval   how often a replica attempts due deliveries; 0 = never
 * @param retryBase          the delay after a first failed attempt; doubles with each further one, with jitter
 * @param retryMax           the longest delay between attempts
 * @param maxAttempts        attempts before a delivery is given up (FAILED)
 * @param deliveryLease      how long a claimed attempt is left to its replica before another may retry it
 * @param httpTimeout        how long a channel may take to answer one attempt
 * @param telegramBaseUrl    the Telegram Bot API ({@code <base>/bot<token>/sendMessage})
 */
@ConfigurationProperties("gateway.alerts")
public record AlertSettings(Duration evaluationInterval, Duration deliveryInterval, Duration retryBase,
                           Duration retryMax, int maxAttempts, Duration deliveryLease, Duration httpTimeout,
                           URI telegramBaseUrl, @Nullable Map<String, ChannelSettings> channels) {

    public AlertSettings {
        channels = channels == null ? Map.of() : new TreeMap<>(channels);
        List<String> problems = new ArrayList<>();
        channels.forEach((name, channel) -> problems.addAll(channel.problems(name)));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("gateway.alerts.channels: " + String.join("; ", problems));
        }
    }

    /** The channels by name and kind, never their secrets: what administrators may see of them. */
    public List<AlertChannels.Channel> configuredChannels() {
        return channels.entrySet().stream()
                .map(entry -> new AlertChannels.Channel(entry.getKey(),
                        Objects.requireNonNull(entry.getValue().kind()).name()))
                .toList();
    }

    /** The kinds of channel the gateway can deliver to. */
    public enum ChannelKind {
        /** Any HTTPS endpoint: the alert's JSON, signed with HMAC-SHA256. */
        WEBHOOK,
        /** A Slack incoming webhook: {@code text} and {@code blocks}. */
        SLACK,
        /** A Telegram bot's {@code sendMessage} to one chat. */
        TELEGRAM
    }

    /**
     * One channel. WEBHOOK: url and secret; SLACK: url (the incoming webhook's, itself a secret); TELEGRAM: token
     * and chatId.
     */
    public record ChannelSettings(@Nullable ChannelKind kind, @Nullable URI url, @Nullable String secret,
                                 @Nullable String token, @Nullable String chatId) {

        List<String> problems(String name) {
            List<String> problems = new ArrayList<>();
            String prefix = "GATEWAY_ALERTS_CHANNELS_" + name.toUpperCase(Locale.ROOT) + "_";
            if (!name.matches("[a-z0-9]+")) {
                problems.add("channel name '" + name + "' must be lowercase letters and digits");
            }
            if (kind == null) {
                problems.add(prefix + "KIND is required (WEBHOOK, SLACK or TELEGRAM)");
                return problems;
            }
            switch (kind) {
                case WEBHOOK -> {
                    required(problems, prefix + "URL", url);
                    required(problems, prefix + "SECRET", secret == null || secret.isBlank() ? null : secret);
                }
                case SLACK -> required(problems, prefix + "URL", url);
                case TELEGRAM -> {
                    required(problems, prefix + "TOKEN", token == null || token.isBlank() ? null : token);
                    required(problems, prefix + "CHAT_ID", chatId == null || chatId.isBlank() ? null : chatId);
                }
            }
            return problems;
        }

        private static void required(List<String> problems, String variable, @Nullable Object value) {
            if (value == null) {
                problems.add(variable + " is required");
            }
        }

        /** What a log line may show: the kind only. Secrets never reach a toString. */
        @Override
        public String toString() {
            return "ChannelSettings[" + kind + "]";
        }
    }
}
