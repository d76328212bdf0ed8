package com.crashanalytics.api.security.limits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.crashanalytics.api.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes sure a {@code POST /graphql} body is text the gateway can store exactly as sent, before anything reads it:
 * well-formed UTF-8 (no overlong forms, nothing above U+10FFFF, no encoded surrogates), JSON whose strings hold no
 * unpaired {@code \\uD800}-style surrogate escapes, and a JSON object at the top. Java's and PostgreSQL's own
 * decoders would otherwise replace such bytes ({@code C0 AF} became {@code /}, a lone surrogate {@code ?}), and a
 * bot's text would be stored altered. Each refusal is a GraphQL-shaped 400 naming the JSON member (for example
 * {@code variables.input.botName}) and the rule; nothing runs and nothing is written.
 *
 * <p>Runs after {@link RequestSizeFilter}; it reads the body through {@link BodyUploads}, within the size limit, the
 * time limit and the limit of bodies in transit per address.
 */
final class GraphQlBodyFilter extends OncePerRequestFilter {

    private final JsonMapper json;
    private final BodyUploads uploads;
    private final long maxBytes;
    private final ErrorResponses errors;

    GraphQlBodyFilter(JsonMapper json, BodyUploads uploads, long maxBytes, ErrorResponses errors) {
        this.json = json;
        this.uploads = uploads;
        this.maxBytes = maxBytes;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/graphql".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = uploads.readBody(request, response, maxBytes, errors);
        if (body == null) {
            return;
        }
        Optional<BodyProblem> problem = problemOf(body);
        if (problem.isPresent()) {
            errors.badBody(response, problem.get().message(), problem.get().field(), problem.get().rule());
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    /** What is wrong with the body, if anything. */
    Optional<BodyProblem> problemOf(byte[] body) {
        int malformedAt = firstMalformedUtf8Byte(body);
        if (malformedAt >= 0) {
            String field = memberAt(body, malformedAt);
            return Optional.of(new BodyProblem(field, "MALFORMED_UTF8", prefix(field)
                    + "is not well-formed UTF-8 (byte " + malformedAt + " of the body starts an invalid, overlong or"
                    + " out-of-range sequence); send the text as UTF-8"));
        }
        if (isBlank(body)) {
            return Optional.of(new BodyProblem(null, "JSON_OBJECT_BODY",
                    "the request body is empty; send a JSON object such as {\"query\": \"{ __typename }\"}"));
        }
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return Optional.of(new BodyProblem(null, "JSON_OBJECT_BODY",
                        "the request body must be a JSON object such as {\"query\": \"{ __typename }\"}, got "
                                + describe(first)));
            }
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME)
                        && hasUnpairedSurrogate(token == JsonToken.PROPERTY_NAME ? parser.currentName() : parser.getString())) {
                    String field = dotted(parser.streamReadContext().pathAsPointer());
                    return Optional.of(new BodyProblem(field, "UNPAIRED_SURROGATE", prefix(field)
                            + "contains an unpaired UTF-16 surrogate escape (such as \\ud800 without its pair), which"
                            + " is no character; send the text as it is"));
                }
            }
        } catch (JacksonException notJson) {
            TokenStreamLocation at = notJson.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Optional.of(new BodyProblem(null, "JSON_OBJECT_BODY", "the request body is not valid JSON" + where));
        }
        return Optional.empty();
    }

    /** The index of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
    static int firstMalformedUtf8Byte(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(Math.max(16, body.length));
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    /** The JSON member whose value holds the byte at {@code offset}: the path the parser had reached there. */
    private String memberAt(byte[] body, int offset) {
        JsonParser parser = json.createParser(body, 0, offset);
        try (parser) {
            while (parser.nextToken() != null) {
                // walk up to the broken byte
            }
        } catch (JacksonException cut) {
            // the body is cut inside the broken value, so the parser stops there, at its member
        }
        return dotted(parser.streamReadContext().pathAsPointer());
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** {@code /variables/input/rounds/3/ocrText} as {@code variables.input.rounds[3].ocrText}. */
    static String dotted(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer step = pointer; step != null && !step.matches(); step = step.tail()) {
            if (step.mayMatchElement() && step.getMatchingProperty().chars().allMatch(Character::isDigit)) {
                path.append('[').append(step.getMatchingIndex()).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(step.getMatchingProperty());
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String prefix(String field) {
        return field == null ? "the request body " : field + ": ";
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array (batches are not accepted: send a list input, e.g. logRounds)";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> token.name();
        };
    }

    /** One refusal: the JSON member it is about (null for the body as a whole), the rule, and what to do. */
    record BodyProblem(String field, String rule, String message) {
    }
}
