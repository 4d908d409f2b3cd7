package dev.trafficlens.adapters.benchfixture;

import org.openjdk.jmh.annotations.Benchmark;

/** Breaks BenchmarkArchitectureTest's rule on purpose: a benchmark inside an adapter's package. Never run. */
public class MisplacedParsingBenchmark {

    @Benchmark
    public int parse() {
        return "{}".length();
    }
}
