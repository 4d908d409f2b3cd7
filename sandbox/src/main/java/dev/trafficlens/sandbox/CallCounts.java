package dev.trafficlens.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many requests each API received, and the most it was answering at once, for tests that check caching,
 * chunking and the client's concurrency limits.
 */
public final class CallCounts {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> peaks = new ConcurrentHashMap<>();

    void started(String api) {
        counts.computeIfAbsent(api, name -> new AtomicLong()).incrementAndGet();
        long now = inFlight.computeIfAbsent(api, name -> new AtomicLong()).incrementAndGet();
        peaks.computeIfAbsent(api, name -> new AtomicLong()).accumulateAndGet(now, Math::max);
    }

    void finished(String api) {
        inFlight.get(api).decrementAndGet();
    }

    public long of(String api) {
        AtomicLong count = counts.get(api);
        return count == null ? 0 : count.get();
    }

    /** The most requests to {@code api} the sandbox was answering at the same time since the last reset. */
    public long peakInFlight(String api) {
        AtomicLong peak = peaks.get(api);
        return peak == null ? 0 : peak.get();
    }

    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((api, count) -> copy.put(api, count.get()));
        return copy;
    }

    /** Forgets the counts and peaks; requests being answered still count as in flight. */
    public void reset() {
        counts.clear();
        peaks.clear();
    }
}
