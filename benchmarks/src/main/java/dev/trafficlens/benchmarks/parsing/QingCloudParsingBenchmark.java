package dev.trafficlens.benchmarks.parsing;

import dev.trafficlens.adapters.qingcloud.QingCloudTrafficSource;
import dev.trafficlens.benchmarks.OneDayParsing;
import dev.trafficlens.benchmarks.TrafficShapes;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times the QingCloud adapter reading one day of GetWanMonitor at 5 minutes: one answer holding the traffic, flow and
 * pps meters, each 288 {@code [in, out]} pairs in the vendor's compressed form ({@code [t0, [in, out]]}, then bare
 * pairs, {@code "NA"} for the 2 % missing), decoded into six series. Reported per sample: 1,728 an invocation
 * (288 slots × 3 meters × 2 directions).
 */
public class QingCloudParsingBenchmark extends OneDayParsing {

    static final int SAMPLES = 6 * TrafficShapes.SAMPLES_PER_DAY;

    private final Step step = Step.FIVE_MINUTES;
    private final PlannedCall call = new PlannedCall(QingCloudWanAccess.of("pek3", "wacc-1", "cpe"), DAY, step,
            Source.QINGCLOUD_WAN.limits().metrics());
    private Function<byte[], SourceAnswer> reader;
    private byte[] body;

    @Setup(Level.Trial)
    public void buildBody() {
        double[] in = TrafficShapes.bitrates(TrafficShapes.SAMPLES_PER_DAY, 2e9, new SplittableRandom(1));
        double[] out = TrafficShapes.outboundOf(in, 6e8, new SplittableRandom(2));
        StringBuilder json = new StringBuilder("{\"action\":\"GetWanMonitorResponse\",\"meter_set\":[");
        // traffic in bytes/s, flow in bytes per step, pps at 800-byte packets: whole numbers, as the vendor sends.
        meter(json, "traffic", in, out, bits -> Math.rint(bits / 8)).append(',');
        meter(json, "flow", in, out, bits -> Math.rint(bits / 8 * step.seconds())).append(',');
        meter(json, "pps", in, out, bits -> Math.rint(bits / 8 / 800));
        json.append("],\"ret_code\":0,\"resource_id\":\"wacc-1\"}");
        body = json.toString().getBytes(StandardCharsets.UTF_8);
        reader = QingCloudTrafficSource.bodyReader(call);
        SourceAnswer answer = readOneDay();
        long expected = TrafficShapes.SAMPLES_PER_DAY
                - Math.round(TrafficShapes.SAMPLES_PER_DAY * TrafficShapes.MISSING_SHARE);
        for (Metric metric : call.metrics()) {
            TrafficSeries series = answer.series(metric).orElseThrow();
            if (series.presentCount() != expected) {
                throw new IllegalStateException("the body did not read back as the DAY it was made from: " + series);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public SourceAnswer readOneDay() {
        return reader.apply(body);
    }

    /** One meter's compressed data: the first present slot carries its time, the rest follow one step apart. */
    private StringBuilder meter(StringBuilder json, String id, double[] in, double[] out, DoubleUnaryOperator unit) {
        json.append("{\"meter_id\":\"").append(id).append("\",\"data\":[");
        int first = 0;
        while (Double.isNaN(in[first])) {
            first++;
        }
        for (int i = first; i < in.length; i++) {
            if (i > first) {
                json.append(',');
            }
            String pair = Double.isNaN(in[i]) ? "\"NA\""
                    : "[" + (long) unit.applyAsDouble(in[i]) + "," + (long) unit.applyAsDouble(out[i]) + "]";
            if (i == first) {
                json.append('[').append(DAY.from().getEpochSecond() + i * step.seconds()).append(',').append(pair)
                        .append(']');
            } else {
                json.append(pair);
            }
        }
        return json.append("]}");
    }
}
