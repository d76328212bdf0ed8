package com.crashanalytics.api.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without GATEWAY_CORS_ALLOWED_ORIGINS no browser page of another origin may call the gateway. */
@GatewayIntegrationTest
class CorsClosedByDefaultIT {

    @LocalServerPort
    int port;

    @Test
    void noOriginIsAllowed() throws Exception {
        HttpResponse<String> preflight = CorsIT.preflight(port, "https://grafana.example.com");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
