package com.crashanalytics.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

class ParsedDocumentCacheTest {

    private final List<String> parsed = new ArrayList<>();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.add(input.getQuery());
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    @Test
    void aDocumentSentAgainIsNotParsedAgainWhateverItsVariables() throws Exception {
        ParsedDocumentCache cache = new ParsedDocumentCache(10);
        String logRound = "mutation($input: LogRoundInput!) { logRound(input: $input) { duplicate } }";

        Document first = cache.getDocumentAsync(input(logRound, 1), parse).get().getDocument();
        Document second = cache.getDocumentAsync(input(logRound, 2), parse).get().getDocument();

        assertThat(parsed).containsExactly(logRound);
        assertThat(second).isSameAs(first);
    }

    @Test
    void theLeastRecentlyUsedDocumentMakesRoomAtCapacity() throws Exception {
        ParsedDocumentCache cache = new ParsedDocumentCache(2);

        cache.getDocumentAsync(input("{ a }", 0), parse).get();
        cache.getDocumentAsync(input("{ b }", 0), parse).get();
        cache.getDocumentAsync(input("{ a }", 0), parse).get(); // a is now the most recently used
        cache.getDocumentAsync(input("{ c }", 0), parse).get(); // b makes room
        cache.getDocumentAsync(input("{ a }", 0), parse).get();
        cache.getDocumentAsync(input("{ b }", 0), parse).get();

        assertThat(parsed).containsExactly("{ a }", "{ b }", "{ c }", "{ b }");
        assertThat(cache.size()).isEqualTo(2);
    }

    private static ExecutionInput input(String document, int round) {
        return ExecutionInput.newExecutionInput(document).variables(java.util.Map.of("round", round)).build();
    }
}
