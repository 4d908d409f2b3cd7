package dev.trafficlens.benchmarks.parsing;

import dev.trafficlens.adapters.zenlayer.ZenlayerTrafficSource;
import dev.trafficlens.benchmarks.OneDayParsing;
import dev.trafficlens.benchmarks.TrafficShapes;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times the Zenlayer adapter reading one day of DescribePrivateConnectTraffic: the body parsed as the adapter parses
 * it, then its {@code response} decoded: a {@code dataList} of 288 {@code {"time","internetRX","internetTX"}} points
 * (2 % omitted, as the vendor leaves gaps), with the summary figures. Reported per sample: 576 an invocation.
 */
public class ZenlayerParsingBenchmark extends OneDayParsing {

    static final int SAMPLES = 2 * TrafficShapes.SAMPLES_PER_DAY;

    private final Step step = Step.FIVE_MINUTES;
    private final PlannedCall call = new PlannedCall(new ZenlayerPrivateConnect("pc-1"), DAY, step,
            Source.ZENLAYER_PRIVATE_CONNECT.limits().metrics());
    private final Function<byte[], SourceAnswer> reader = ZenlayerTrafficSource.bodyReader(call);
    private byte[] body;

    @Setup(Level.Trial)
    public void buildBody() {
        double[] in = TrafficShapes.bitrates(TrafficShapes.SAMPLES_PER_DAY, 2e9, new SplittableRandom(1));
        double[] out = TrafficShapes.outboundOf(in, 6e8, new SplittableRandom(2));
        StringBuilder json = new StringBuilder("{\"requestId\":\"T-bench\",\"response\":{\"requestId\":\"T-bench\","
                + "\"dataList\":[");
        boolean first = true;
        for (int i = 0; i < in.length; i++) {
            if (Double.isNaN(in[i])) {
                continue;
            }
            json.append(first ? "" : ",")
                    .append("{\"time\":\"").append(Instant.ofEpochSecond(DAY.from().getEpochSecond() + i * step.seconds()))
                    .append("\",\"internetRX\":").append((long) in[i])
                    .append(",\"internetTX\":").append((long) out[i]).append('}');
            first = false;
        }
        json.append("],\"in95\":1.9E9,\"inAvg\":1100000000,\"inMax\":3100000000,\"inMin\":210000000,"
                + "\"inTotal\":11880000000000,\"out95\":5.7E8,\"outAvg\":330000000,\"outMax\":930000000,"
                + "\"outMin\":63000000,\"unit\":\"bps\"}}");
        body = json.toString().getBytes(StandardCharsets.UTF_8);
        SourceAnswer answer = readOneDay();
        long expected = TrafficShapes.SAMPLES_PER_DAY
                - Math.round(TrafficShapes.SAMPLES_PER_DAY * TrafficShapes.MISSING_SHARE);
        if (answer.series(Metric.BITRATE_IN).orElseThrow().presentCount() != expected
                || answer.series(Metric.BITRATE_OUT).orElseThrow().presentCount() != expected) {
            throw new IllegalStateException("the body did not read back as the DAY it was made from: " + answer);
        }
    }

    /** What the adapter does with a 200 answer: parse the body, take {@code response}, decode it. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public SourceAnswer readOneDay() {
        return reader.apply(body);
    }
}
