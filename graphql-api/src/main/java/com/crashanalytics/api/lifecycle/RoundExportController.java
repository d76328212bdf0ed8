package com.crashanalytics.api.lifecycle;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import com.crashanalytics.api.error.ErrorResponses;
import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.lifecycle.ExportRoundsUseCase;
import com.crashanalytics.domain.lifecycle.RoundExportColumns;
import com.crashanalytics.domain.lifecycle.RoundExportQuery;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rounds for machine learning, as downloads: {@code GET /exports/rounds.ndjson} and {@code GET /exports/rounds.csv}
 * (DASHBOARD and ADMIN keys; see SecurityConfiguration). GraphQL answers one JSON document, built whole; these
 * stream: each row is written to the response as the database's cursor yields it, so memory stays flat at any size
 * and the download starts at once. The length is not known up front, so the answer is chunked
 * ({@code Transfer-Encoding: chunked}, no Content-Length, no row count: counting first would read everything twice).
 */
@RestController
class RoundExportController {

    /** The query parameters, by their names; any other is refused, so a misspelt filter never exports everything. */
    private static final Set<String> PARAMETERS =
            Set.of("botId", "sessionId", "gameName", "platformCode", "strategy", "from", "to", "tradeType");
    private static final int BUFFER = 64 * 1024;

    private final ExportRoundsUseCase exports;
    private final ErrorResponses errors;

    RoundExportController(ExportRoundsUseCase exports, ErrorResponses errors) {
        this.exports = exports;
        this.errors = errors;
    }

    @GetMapping("/exports/rounds.ndjson")
    void ndjson(@RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
        RoundExportQuery query = query(parameters, response);
        if (query == null) {
            return;
        }
        try (Writer out = start(response, "application/x-ndjson", "rounds.ndjson")) {
            exports.exportJsonLines(query, line -> write(out, line, "\n"));
        }
    }

    @GetMapping("/exports/rounds.csv")
    void csv(@RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
        RoundExportQuery query = query(parameters, response);
        if (query == null) {
            return;
        }
        try (Writer out = start(response, "text/csv", "rounds.csv")) {
            write(out, Csv.line(RoundExportColumns.NAMES.toArray(String[]::new)), "");
            exports.exportCells(query, row -> write(out, Csv.line(row), ""));
        }
    }

    /** The query, or null after answering 400 naming the parameter and the rule it breaks. */
    private @Nullable RoundExportQuery query(Map<String, String> parameters, HttpServletResponse response)
            throws IOException {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                errors.badBody(response, "unknown parameter '" + name + "'; the filters are " + String.join(", ",
                        PARAMETERS.stream().sorted().toList()), name, "UNKNOWN_PARAMETER");
                return null;
            }
        }
        try {
            Instant from = instant(parameters, "from");
            Instant to = instant(parameters, "to");
            if (from != null && to != null && !from.isBefore(to)) {
                throw InvalidInputException.of("to", "AFTER_FROM", "must be after from (" + from + "), got " + to);
            }
            String botId = filter(parameters, "botId");
            String sessionId = filter(parameters, "sessionId");
            return new RoundExportQuery(botId, sessionId,
                    filter(parameters, "gameName"), filter(parameters, "platformCode"), filter(parameters, "strategy"),
                    new TimeWindow(from, to), tradeTypes(parameters, botId != null || sessionId != null));
        } catch (InvalidInputException invalid) {
            Violation first = invalid.violations().get(0);
            errors.badBody(response, first.field() + ": " + first.message(), first.field(), first.rule());
            return null;
        }
    }

    private static @Nullable String filter(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value != null && value.isBlank()) {
            throw InvalidInputException.of(name, "NOT_BLANK", "must not be blank; leave the parameter out to export every value");
        }
        return value;
    }

    /**
     * The {@code tradeType} parameter (LIVE, PAPER or ANY, in any case, so seed 004's 'paper' and 'live' work).
     * Omitted: LIVE bots' rounds, except for one bot's or one session's export, which is of that bot's own money.
     */
    private static TradeTypeFilter tradeTypes(Map<String, String> parameters, boolean oneBot) {
        String value = filter(parameters, "tradeType");
        if (value == null) {
            return oneBot ? TradeTypeFilter.ANY : TradeTypeFilter.DEFAULT;
        }
        return Arrays.stream(TradeTypeFilter.values()).filter(type -> type.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("tradeType", "ONE_OF",
                        "must be LIVE, PAPER or ANY; got '" + value + "'"));
    }

    private static @Nullable Instant instant(Map<String, String> parameters, String name) {
        String value = filter(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notADateTime) {
            throw InvalidInputException.of(name, "DATE_TIME",
                    "must be an ISO-8601 date-time with an offset, e.g. 2026-11-21T00:00:00Z; got '" + value + "'");
        }
    }

    private static Writer start(HttpServletResponse response, String contentType, String fileName) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), BUFFER);
    }

    private static void write(Writer out, String text, String end) {
        try {
            out.write(text);
            out.write(end);
        } catch (IOException clientGone) {
            // Ends the export's transaction (and its cursor) at once instead of reading on for nobody.
            throw new UncheckedIOException(clientGone);
        }
    }
}
