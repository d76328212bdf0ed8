package com.crashanalytics.api.analytics;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Splits a DataLoader's keys (a subject and the field's arguments, e.g. a bot and a window) by their arguments: the
 * keys that share them go to the read model together, so a request costs one statement per distinct set of
 * arguments, whatever the number of parents.
 */
final class ArgumentBatches {

    private ArgumentBatches() {
    }

    /**
     * @param arguments what the keys must share to be read together
     * @param load      reads the subjects of a batch of keys with their arguments, by subject
     * @param subject   the subject of a key (a bot id, a strategy name, ...)
     * @return the value of each key whose subject the read model answered
     */
    static <K, A, V> Map<K, V> byArguments(Set<K> keys, Function<K, A> arguments,
                                           BiFunction<A, Collection<K>, Map<String, V>> load,
                                           Function<K, String> subject) {
        Map<K, V> result = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(arguments)).forEach((argument, batch) -> {
            Map<String, V> loaded = load.apply(argument, batch);
            batch.forEach(key -> {
                V value = loaded.get(subject.apply(key));
                if (value != null) {
                    result.put(key, value);
                }
            });
        });
        return result;
    }
}
