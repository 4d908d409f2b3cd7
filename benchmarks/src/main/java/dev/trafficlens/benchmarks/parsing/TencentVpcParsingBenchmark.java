package dev.trafficlens.benchmarks.parsing;

import dev.trafficlens.adapters.tencentvpc.TencentVpcTrafficSource;
import dev.trafficlens.benchmarks.OneDayParsing;
import dev.trafficlens.benchmarks.TrafficShapes;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.PlannedCall;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Times the Tencent VPC adapter reading one day of DescribeVpnConnMonitor: the two answers a call needs (intraffic
 * and outtraffic, {@code {"code":0,…,"data":[…]}} of 288 positional bit rates, 2 % null), each parsed, checked and
 * placed on the call's grid as the adapter does. Reported per sample: 576 samples an invocation.
 */
public class TencentVpcParsingBenchmark extends OneDayParsing {

    static final int SAMPLES = 2 * TrafficShapes.SAMPLES_PER_DAY;

    private final TencentVpnConnection tunnel =
            new TencentVpnConnection("ap-guangzhou", "vpc-03vihbk9", "vpngw-dystbrkv", "vpnx-ol6bcqp0");
    private final PlannedCall call = new PlannedCall(tunnel, DAY, Step.FIVE_MINUTES,
            Source.TENCENT_VPN_CONNECTION.limits().metrics());
    private final Function<byte[], TrafficSeries> inbound = TencentVpcTrafficSource.bodyReader(call, Metric.BITRATE_IN);
    private final Function<byte[], TrafficSeries> outbound =
            TencentVpcTrafficSource.bodyReader(call, Metric.BITRATE_OUT);
    private byte[] inboundBody;
    private byte[] outboundBody;

    @Setup(Level.Trial)
    public void buildBodies() {
        double[] in = TrafficShapes.bitrates(TrafficShapes.SAMPLES_PER_DAY, 2e9, new SplittableRandom(1));
        double[] out = TrafficShapes.outboundOf(in, 6e8, new SplittableRandom(2));
        inboundBody = body(in);
        outboundBody = body(out);
        TrafficSeries read = inbound.apply(inboundBody);
        if (read.presentCount() != TrafficShapes.SAMPLES_PER_DAY - Math.round(TrafficShapes.SAMPLES_PER_DAY
                * TrafficShapes.MISSING_SHARE)) {
            throw new IllegalStateException("the body did not read back as the DAY it was made from: " + read);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void readOneDay(Blackhole sink) {
        sink.consume(inbound.apply(inboundBody));
        sink.consume(outbound.apply(outboundBody));
    }

    private static byte[] body(double[] bitrates) {
        StringBuilder json = new StringBuilder("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":[");
        for (int i = 0; i < bitrates.length; i++) {
            json.append(i == 0 ? "" : ",").append(Double.isNaN(bitrates[i]) ? "null" : Long.toString((long) bitrates[i]));
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
