package com.crashanalytics.api.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A cache of at most {@code capacity} entries that forgets the least recently used one to make room, safe to share
 * between request threads: what the gateway keeps per distinct GraphQL document, so clients sending ever-new
 * documents cost memory for at most that many.
 */
public final class RecentlyUsed<K, V> {

    private final Map<K, V> entries;

    public RecentlyUsed(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value kept for the key, or the one {@code compute} gives, then kept (computed outside the lock: two threads may both compute a new key's). */
    public V get(K key, Function<K, V> compute) {
        V value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value == null) {
            value = compute.apply(key);
            synchronized (entries) {
                entries.put(key, value);
            }
        }
        return value;
    }

    /** The value kept for the key, if any (it then counts as used). */
    java.util.Optional<V> find(K key) {
        synchronized (entries) {
            return java.util.Optional.ofNullable(entries.get(key));
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
