package com.crashanalytics.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/** One scrape of {@code /actuator/prometheus} (text format), read series by series. */
public final class PrometheusScrape {

    private final List<String> samples;

    private PrometheusScrape(String body) {
        this.samples = body.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    /** Scrapes the gateway on this port with this key; fails unless the answer is 200. */
    public static PrometheusScrape of(int port, String apiKey) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return new PrometheusScrape(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of the series named so whose labels include every one given (e.g. {@code rule="CONFLICT"}); 0 if none. */
    public double value(String name, String... labels) {
        return series(name, labels).stream().mapToDouble(PrometheusScrape::valueOf).sum();
    }

    /** The sample lines of the series named so whose labels include every one given. */
    public List<String> series(String name, String... labels) {
        return samples.stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> labelsOf(line).contains(label)))
                .toList();
    }

    private static String labelsOf(String line) {
        int open = line.indexOf('{');
        int close = line.lastIndexOf('}');
        return open < 0 || close < open ? "" : line.substring(open + 1, close);
    }

    /** The sample's value: after the labels if any, else after the name (a timestamp or exemplar may follow). */
    private static double valueOf(String line) {
        int close = line.lastIndexOf('}');
        String afterName = close >= 0 ? line.substring(close + 1) : line.substring(line.indexOf(' '));
        return Double.parseDouble(afterName.strip().split(" ")[0]);
    }
}
