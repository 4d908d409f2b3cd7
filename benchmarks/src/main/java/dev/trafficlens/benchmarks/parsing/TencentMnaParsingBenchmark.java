package dev.trafficlens.benchmarks.parsing;

import dev.trafficlens.adapters.tencentmna.TencentMnaTrafficSource;
import dev.trafficlens.benchmarks.OneDayParsing;
import dev.trafficlens.benchmarks.TrafficShapes;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.PlannedCall;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Times the Tencent MNA adapter reading one day of GetFlowStatisticByRegion at 5-minute buckets: the three answers a
 * call needs (Type 1, 2 and 3), each {@code {"Response":{"NetDetails":[{"Current","Time"}…],…}}} with 288 buckets
 * of which 2 % are absent, Time as a string of Unix seconds as documented. Reported per sample: 864 an invocation.
 */
public class TencentMnaParsingBenchmark extends OneDayParsing {

    static final int SAMPLES = 3 * TrafficShapes.SAMPLES_PER_DAY;
    private static final Metric[] METRICS = {Metric.VOLUME_IN, Metric.VOLUME_OUT, Metric.VOLUME_TOTAL};

    private final Step step = Step.FIVE_MINUTES;
    private final PlannedCall call = new PlannedCall(new TencentMnaRegion(1, Optional.empty()), DAY, step,
            Source.TENCENT_MNA_REGION.limits().metrics());
    private final byte[][] bodies = new byte[METRICS.length][];
    @SuppressWarnings("unchecked")
    private final Function<byte[], TrafficSeries>[] readers = new Function[METRICS.length];

    @Setup(Level.Trial)
    public void buildBodies() {
        double[] in = TrafficShapes.bitrates(TrafficShapes.SAMPLES_PER_DAY, 2e9, new SplittableRandom(1));
        double[] out = TrafficShapes.outboundOf(in, 6e8, new SplittableRandom(2));
        double[] total = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            total[i] = in[i] + out[i];
        }
        double[][] rates = {in, out, total};
        for (int m = 0; m < METRICS.length; m++) {
            bodies[m] = body(rates[m]);
            readers[m] = TencentMnaTrafficSource.bodyReader(call, METRICS[m]);
            TrafficSeries reading = read(m);
            if (reading.presentCount() != TrafficShapes.SAMPLES_PER_DAY
                    - Math.round(TrafficShapes.SAMPLES_PER_DAY * TrafficShapes.MISSING_SHARE)) {
                throw new IllegalStateException("the body did not read back as the DAY it was made from: " + reading);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void readOneDay(Blackhole sink) {
        for (int m = 0; m < METRICS.length; m++) {
            sink.consume(read(m));
        }
    }

    private TrafficSeries read(int metric) {
        return readers[metric].apply(bodies[metric]);
    }

    /** Bytes per 5-minute bucket from bit rates; a missing bucket is left out, as the vendor does. */
    private byte[] body(double[] bitrates) {
        StringBuilder json = new StringBuilder("{\"Response\":{\"NetDetails\":[");
        long start = DAY.from().getEpochSecond();
        double max = 0;
        double sum = 0;
        int present = 0;
        for (int i = 0; i < bitrates.length; i++) {
            if (Double.isNaN(bitrates[i])) {
                continue;
            }
            double bytes = Math.rint(bitrates[i] * step.seconds() / 8);
            json.append(present == 0 ? "" : ",")
                    .append("{\"Current\":").append(bytes)
                    .append(",\"Time\":\"").append(start + i * step.seconds()).append("\"}");
            max = Math.max(max, bytes);
            sum += bytes;
            present++;
        }
        json.append("],\"MaxValue\":").append(max).append(",\"AvgValue\":").append(sum / present)
                .append(",\"TotalValue\":").append(sum)
                .append(",\"RequestId\":\"6c2a1f7e-8a3b-4f57-9d0e-2b1c5e8f4a10\"}}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
