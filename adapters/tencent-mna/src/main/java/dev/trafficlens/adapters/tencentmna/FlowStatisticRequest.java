package dev.trafficlens.adapters.tencentmna;

import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TimeWindow;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON body of one GetFlowStatisticByRegion request. Times are whole Unix seconds; {@code AccessRegion} is left
 * out when all regions are wanted, as the API reads an absent region as "all".
 */
record FlowStatisticRequest(
        long beginTime, long endTime, TrafficType type, int timeGranularity, int gatewayType,
        Optional<String> accessRegion) {

    /** The API's TimeGranularity codes: 1 and 2 are documented, 3 and 4 come from the vendor's current SDK. */
    private static final Map<Step, Integer> GRANULARITIES = Map.of(
            Step.ONE_HOUR, 1,
            Step.ONE_DAY, 2,
            Step.ONE_MINUTE, 3,
            Step.FIVE_MINUTES, 4);

    FlowStatisticRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accessRegion, "accessRegion");
        if (endTime <= beginTime) {
            throw new IllegalArgumentException("endTime: expected after beginTime " + beginTime + ", got " + endTime);
        }
    }

    /** The granularity code for {@code step}, if the API has one. */
    static Optional<Integer> granularityOf(Step step) {
        return Optional.ofNullable(GRANULARITIES.get(step));
    }

    /**
     * The request for {@code window} of {@code region}, ending at {@code now} when the window reaches past it: the
     * API refuses an EndTime in the future (InvalidParameterValue.TimeFuture). The caller checks that the step has a
     * granularity code and that the window starts before now.
     */
    static FlowStatisticRequest of(
            TencentMnaRegion region, TimeWindow window, Step step, TrafficType type, Instant now) {
        long end = Math.min(window.to().getEpochSecond(), now.getEpochSecond());
        int granularity = granularityOf(step).orElseThrow(
                () -> new IllegalArgumentException("step: GetFlowStatisticByRegion has no granularity for " + step));
        return new FlowStatisticRequest(window.from().getEpochSecond(), end, type, granularity, region.gatewayType(),
                region.accessRegion());
    }

    /** The body bytes, serialised once so the bytes signed are the bytes sent. */
    byte[] toJson() {
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("BeginTime", beginTime);
        body.put("EndTime", endTime);
        body.put("Type", type.code());
        body.put("TimeGranularity", timeGranularity);
        body.put("GatewayType", gatewayType);
        accessRegion.filter(region -> !region.isEmpty()).ifPresent(region -> body.put("AccessRegion", region));
        return JsonBodies.MAPPER.writeValueAsBytes(body);
    }
}
