package com.crashanalytics.api.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.crashanalytics.api.alert.AlertSettings.ChannelKind;
import com.crashanalytics.api.alert.AlertSettings.ChannelSettings;
import org.junit.jupiter.api.Test;

class HttpAlertChannelsTest {

    @Test
    void theSignatureIsTheHmacSha256OfRfc4231() {
        // RFC 4231, test case 2
        assertThat(HttpAlertChannels.sign("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aChannelWithoutItsSecretsStopsTheGatewayNamingTheVariables() {
        assertThatThrownBy(() -> settings(Map.of(
                "ops", new ChannelSettings(ChannelKind.WEBHOOK, URI.create("https://example.org/hook"), null, null, null),
                "chat", new ChannelSettings(ChannelKind.TELEGRAM, null, null, "token", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GATEWAY_ALERTS_CHANNELS_OPS_SECRET is required")
                .hasMessageContaining("GATEWAY_ALERTS_CHANNELS_CHAT_CHAT_ID is required");
    }

    @Test
    void aChannelsToStringShowsNoSecret() {
        ChannelSettings slack = new ChannelSettings(ChannelKind.SLACK, URI.create("https://hooks.slack.com/services/T/B/secret"),
                null, null, null);
        assertThat(slack.toString()).isEqualTo("ChannelSettings[SLACK]");
        assertThat(new HttpAlertChannels(settings(Map.of("team", slack)), java.time.Clock.systemUTC()).configured())
                .containsExactly(new com.crashanalytics.domain.alert.AlertChannels.Channel("team", "SLACK"));
    }

    private static AlertSettings settings(Map<String, ChannelSettings> channels) {
        return new AlertSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofHours(1), 12, Duration.ofMinutes(2), Duration.ofSeconds(10),
                URI.create("https://api.telegram.org"), channels);
    }
}
