package com.crashanalytics.api.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.crashanalytics.api.alert.AlertSettings.ChannelSettings;
import com.crashanalytics.domain.alert.Alert;
import com.crashanalytics.domain.alert.AlertChannels;
import com.crashanalytics.domain.alert.AlertPayload;
import com.crashanalytics.domain.common.JsonDocument;
import org.springframework.util.function.SingletonSupplier;

/**
 * Delivers alerts over HTTP with the JDK's client, one POST per attempt, each carrying the delivery's idempotency
 * key in the {@value #IDEMPOTENCY_KEY} header:
 * <ul>
 *   <li>WEBHOOK: the alert's JSON ({@link AlertPayload}), signed: {@value #TIMESTAMP} holds the Unix time in
 *       seconds, {@value #SIGNATURE} holds {@code sha256=} and the hex HMAC-SHA256, keyed with the channel's
 *       secret, of {@code timestamp + "." + body}. A receiver recomputes it over the raw body, compares in constant
 *       time, and refuses old timestamps (replays).</li>
 *   <li>SLACK: an incoming webhook's {@code {"text": ..., "blocks": [...]}}.</li>
 *   <li>TELEGRAM: {@code sendMessage} with {@code chat_id} and {@code text}.</li>
 * </ul>
 * A 2xx answer is a delivery; anything else (another status, no answer in time) is a failed attempt to retry.
 * Error texts never hold a secret: the Telegram token (part of its URL) is blotted out.
 */
public final class HttpAlertChannels implements AlertChannels {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String TIMESTAMP = "X-Gateway-Timestamp";
    public static final String SIGNATURE = "X-Gateway-Signature";

    private final AlertSettings settings;
    /**
     * Built with the first alert sent, not with the gateway: building it sets up TLS (the JDK's trusted certificates
     * read and parsed), a fifth of a second of every start that most gateways, with no alert to send, never use.
     */
    private final SingletonSupplier<HttpClient> http;
    private final Clock clock;

    public HttpAlertChannels(AlertSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(settings.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    @Override
    public List<Channel> configured() {
        return settings.configuredChannels();
    }

    @Override
    public Attempt send(String channel, Alert alert, String idempotencyKey) {
        ChannelSettings settingsOfChannel = settings.channels().get(channel);
        if (settingsOfChannel == null) {
            return Attempt.failed("no channel '" + channel + "' is configured on this gateway");
        }
        HttpRequest request = switch (Objects.requireNonNull(settingsOfChannel.kind())) {
            case WEBHOOK -> webhook(settingsOfChannel, alert);
            case SLACK -> post(Objects.requireNonNull(settingsOfChannel.url()), slackMessage(alert)).build();
            case TELEGRAM -> post(URI.create(settings.telegramBaseUrl().toString().replaceAll("/+$", "") + "/bot"
                    + settingsOfChannel.token() + "/sendMessage"), json(Map.of("chat_id", settingsOfChannel.chatId(),
                    "text", alert.message()))).build();
        };
        HttpRequest withKey = HttpRequest.newBuilder(request, (name, value) -> true)
                .header(IDEMPOTENCY_KEY, idempotencyKey).build();
        try {
            HttpResponse<String> response = http.obtain().send(withKey, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return Attempt.ok();
            }
            String body = response.body() == null ? "" : response.body();
            return Attempt.failed(hideSecrets(settingsOfChannel, "HTTP " + response.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body)));
        } catch (IOException failure) {
            return Attempt.failed(hideSecrets(settingsOfChannel, failure.getClass().getSimpleName() + ": " + failure.getMessage()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Attempt.failed("interrupted while sending");
        }
    }

    private HttpRequest webhook(ChannelSettings channel, Alert alert) {
        String body = AlertPayload.json(alert);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return post(Objects.requireNonNull(channel.url()), body)
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(Objects.requireNonNull(channel.secret()), timestamp + "." + body))
                .build();
    }

    /** The hex HMAC-SHA256 of {@code text} (UTF-8) keyed with {@code secret} (UTF-8). */
    public static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JDK has HmacSHA256", impossible);
        }
    }

    /** Slack's incoming-webhook message: the plain text (notifications) and a section block that shows the rule. */
    private static String slackMessage(Alert alert) {
        String markdown = "*" + alert.kind() + "* alert from rule _" + alert.ruleName() + "_\n" + alert.message();
        return json(Map.of("text", alert.message(), "blocks", List.of(Map.of("type", "section",
                "text", Map.of("type", "mrkdwn", "text", markdown)))));
    }

    private HttpRequest.Builder post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(settings.httpTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static String json(Map<String, ?> tree) {
        return Objects.requireNonNull(JsonDocument.of(tree)).json();
    }

    private static String hideSecrets(ChannelSettings channel, String text) {
        String hidden = text;
        for (String secret : new String[] {channel.token(), channel.secret(), channel.url() == null ? null : channel.url().toString()}) {
            if (secret != null && !secret.isEmpty()) {
                hidden = hidden.replace(secret, "***");
            }
        }
        return hidden;
    }
}
