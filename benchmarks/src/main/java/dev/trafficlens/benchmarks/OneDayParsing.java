package dev.trafficlens.benchmarks;

import dev.trafficlens.domain.model.TimeWindow;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every adapter's parsing benchmark shares: the day whose answer is read, and how it is timed (nanoseconds per
 * sample, one fork, 3 warm-up and 5 measured iterations of 1 s). JMH's annotations are inherited.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class OneDayParsing {

    /** The day each benchmark's vendor answer covers. */
    protected static final TimeWindow DAY = TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z");
}
