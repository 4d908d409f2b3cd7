package dev.trafficlens.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How many requests each API received, for tests that check caching and chunking. */
public final class CallCounts {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void record(String api) {
        counts.computeIfAbsent(api, name -> new AtomicLong()).incrementAndGet();
    }

    public long of(String api) {
        AtomicLong count = counts.get(api);
        return count == null ? 0 : count.get();
    }

    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((api, count) -> copy.put(api, count.get()));
        return copy;
    }

    public void reset() {
        counts.clear();
    }
}
