package com.crashanalytics.domain.alert;

import java.util.LinkedHashSet;
import java.util.List;

import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * What a rule watches: the bots, strategies, games and platforms it is narrowed to. An empty list does not narrow;
 * given lists must all hold (a rule for bot_a on jetx watches bot_a's jetx sessions only).
 */
public record AlertScope(List<String> botIds, List<String> strategyNames, List<String> gameNames,
                         List<String> platformCodes) {

    /** Enough to name a fleet; a rule for more is a rule for everything. */
    public static final int MAX_ITEMS = 200;
    public static final AlertScope EVERYTHING = new AlertScope(List.of(), List.of(), List.of(), List.of());

    public AlertScope {
        botIds = distinct(botIds);
        strategyNames = distinct(strategyNames);
        gameNames = distinct(gameNames);
        platformCodes = distinct(platformCodes);
    }

    /** The scope as given, every broken rule added under {@code scope.*}; null lists are empty. */
    static AlertScope checked(@Nullable List<String> botIds, @Nullable List<String> strategyNames,
                              @Nullable List<String> gameNames, @Nullable List<String> platformCodes,
                              Violations violations) {
        List<String> bots = botIds == null ? List.of() : botIds;
        List<String> strategies = strategyNames == null ? List.of() : strategyNames;
        List<String> games = gameNames == null ? List.of() : gameNames;
        List<String> platforms = platformCodes == null ? List.of() : platformCodes;
        each(violations, "scope.botIds", bots, (field, value) -> violations.identifier(field, value, 50));
        each(violations, "scope.strategyNames", strategies, (field, value) -> violations.identifier(field, value, 100));
        each(violations, "scope.gameNames", games, (field, value) -> violations.code(field, value, 50));
        each(violations, "scope.platformCodes", platforms, (field, value) -> violations.code(field, value, 50));
        return new AlertScope(bots, strategies, games, platforms);
    }

    private static void each(Violations violations, String field, List<String> values, ItemCheck check) {
        violations.check(values.size() <= MAX_ITEMS, field, "MAX_ITEMS",
                "may name at most " + MAX_ITEMS + " (got " + values.size() + ")");
        for (int i = 0; i < values.size() && i < MAX_ITEMS; i++) {
            check.check(field + "[" + i + "]", values.get(i));
        }
    }

    private static List<String> distinct(@Nullable List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    @FunctionalInterface
    private interface ItemCheck {
        void check(String field, @Nullable String value);
    }
}
