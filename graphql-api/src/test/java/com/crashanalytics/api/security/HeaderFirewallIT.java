package com.crashanalytics.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The gateway's firewall refuses a header value with a control character in it. Tomcat lets the bytes 0x80-0xFF
 * through in a header (as ISO-8859-1), so a 0x85 arrives as U+0085, a C1 control character: the firewall refuses
 * the request (400) when the key's header is read, before the key is looked at; the same request without it is
 * answered. Sent over a plain socket, since HTTP clients refuse to send such a header.
 */
@GatewayIntegrationTest
class HeaderFirewallIT {

    private static final String BODY = "{\"query\":\"{ __typename }\"}";

    @LocalServerPort
    int port;

    @Test
    void aControlCharacterInTheKeysHeaderIsRefusedByTheFirewall() throws IOException {
        assertThat(statusLine(TestApiKeys.ADMIN.getBytes(StandardCharsets.US_ASCII))).contains(" 200 ");

        byte[] withControl = (TestApiKeys.ADMIN + "?").getBytes(StandardCharsets.US_ASCII);
        withControl[withControl.length - 1] = (byte) 0x85;
        assertThat(statusLine(withControl)).contains(" 400 ");
    }

    private String statusLine(byte[] key) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(15_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + BODY.length() + "\r\nAuthorization: Bearer ")
                    .getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(key);
            request.writeBytes(("\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(request.toByteArray());
            InputStream answer = socket.getInputStream();
            String text = new String(answer.readAllBytes(), StandardCharsets.ISO_8859_1);
            return text.lines().findFirst().orElse("");
        }
    }
}
