package dev.trafficlens.domain.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The five vendor APIs trafficlens reads, each with its limits as the vendor documents them (docs/vendors.md names the
 * vendor document behind each). Where a vendor is silent, the limit is a conservative assumption and says so
 * ({@link RateLimit#documented()}, an empty {@link SourceLimits#retention()}).
 */
public enum Source {

    /** Tencent Cloud legacy API v2 DescribeVpnConnMonitor: a VPN tunnel's bit rate, 5-minute values, 2 days a call. */
    TENCENT_VPN_CONNECTION("tencent.vpn-connection", "Tencent Cloud", "DescribeVpnConnMonitor",
            new SourceLimits(
                    Set.of(Step.FIVE_MINUTES),
                    Step.FIVE_MINUTES,
                    Duration.ofDays(2),
                    Optional.empty(),
                    Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT),
                    RateLimit.assumedPerSecond(10))),

    /**
     * Tencent Cloud API 3.0 mna GetFlowStatisticByRegion: bytes per bucket, 7 days a call, 30 days kept, 20 calls/s.
     * The API page documents hourly and daily buckets (hourly is the default here); the vendor's SDK adds 1m and 5m.
     * From 1m and 5m buckets trafficlens derives the bit rate (bytes × 8 ÷ bucket seconds), which makes the region
     * billable like the other sources; an hourly or daily average rate is no 5-minute billing figure, so those give none.
     */
    TENCENT_MNA_REGION("tencent.mna-region", "Tencent Cloud", "GetFlowStatisticByRegion",
            new SourceLimits(
                    Set.of(Step.ONE_MINUTE, Step.FIVE_MINUTES, Step.ONE_HOUR, Step.ONE_DAY),
                    Step.ONE_HOUR,
                    Duration.ofDays(7),
                    Optional.of(Duration.ofDays(30)),
                    Set.of(Metric.VOLUME_IN, Metric.VOLUME_OUT, Metric.VOLUME_TOTAL),
                    Set.of(DerivedMetric.bitRateFromVolume(Direction.IN, Set.of(Step.ONE_MINUTE, Step.FIVE_MINUTES)),
                            DerivedMetric.bitRateFromVolume(Direction.OUT, Set.of(Step.ONE_MINUTE, Step.FIVE_MINUTES)),
                            DerivedMetric.bitRateFromVolume(Direction.TOTAL, Set.of(Step.ONE_MINUTE, Step.FIVE_MINUTES))),
                    RateLimit.documentedPerSecond(20))),

    /**
     * QingCloud GetWanMonitor: an SD-WAN access point's bit rate, byte volume and packet rate at steps from 1m to 1d.
     * The vendor documents no span or retention; one day a call keeps a 1-minute answer at 1,440 pairs.
     */
    QINGCLOUD_WAN("qingcloud.wan-access", "QingCloud", "GetWanMonitor",
            new SourceLimits(
                    Set.of(Step.ONE_MINUTE, Step.FIVE_MINUTES, Step.FIFTEEN_MINUTES, Step.THIRTY_MINUTES,
                            Step.ONE_HOUR, Step.TWO_HOURS, Step.ONE_DAY),
                    Step.FIVE_MINUTES,
                    Duration.ofDays(1),
                    Optional.empty(),
                    Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT, Metric.VOLUME_IN, Metric.VOLUME_OUT,
                            Metric.PACKET_RATE_IN, Metric.PACKET_RATE_OUT),
                    RateLimit.assumedPerSecond(10))),

    /** Zenlayer sdn DescribePrivateConnectTraffic: a layer-2 link's bit rate, 5-minute values, 1 day a call, 30 kept. */
    ZENLAYER_PRIVATE_CONNECT("zenlayer.private-connect", "Zenlayer", "DescribePrivateConnectTraffic",
            new SourceLimits(
                    Set.of(Step.FIVE_MINUTES),
                    Step.FIVE_MINUTES,
                    Duration.ofDays(1),
                    Optional.of(Duration.ofDays(30)),
                    Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT),
                    RateLimit.assumedPerSecond(10))),

    /** Zenlayer sdn DescribeCloudRouterDCToDCTraffic: one data-centre pair of a cloud router, same limits as above. */
    ZENLAYER_CLOUD_ROUTER("zenlayer.cloud-router", "Zenlayer", "DescribeCloudRouterDCToDCTraffic",
            new SourceLimits(
                    Set.of(Step.FIVE_MINUTES),
                    Step.FIVE_MINUTES,
                    Duration.ofDays(1),
                    Optional.of(Duration.ofDays(30)),
                    Set.of(Metric.BITRATE_IN, Metric.BITRATE_OUT),
                    RateLimit.assumedPerSecond(10)));

    private final String id;
    private final String vendor;
    private final String api;
    private final SourceLimits limits;

    Source(String id, String vendor, String api, SourceLimits limits) {
        this.id = id;
        this.vendor = vendor;
        this.api = api;
        this.limits = limits;
    }

    /** The stable name users and the GraphQL API see, such as {@code zenlayer.private-connect}. */
    public String id() {
        return id;
    }

    public String vendor() {
        return vendor;
    }

    /** The vendor's name for the API call. */
    public String api() {
        return api;
    }

    public SourceLimits limits() {
        return limits;
    }

    public static Optional<Source> byId(String id) {
        return Arrays.stream(values()).filter(source -> source.id.equals(id)).findFirst();
    }
}
