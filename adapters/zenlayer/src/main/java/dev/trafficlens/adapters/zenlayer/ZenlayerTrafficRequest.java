package dev.trafficlens.adapters.zenlayer;

import dev.trafficlens.adapters.support.JsonBodies;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.ZenlayerCloudRouterDcPair;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.node.ObjectNode;

/**
 * One sdn traffic request as it goes on the wire: the action, the JSON body serialised once (the signature covers
 * these exact bytes, so every attempt sends them unchanged), and a description of the resource for messages.
 */
record ZenlayerTrafficRequest(String action, byte[] body, String subject) {

    static final String PRIVATE_CONNECT_ACTION = "DescribePrivateConnectTraffic";
    static final String CLOUD_ROUTER_ACTION = "DescribeCloudRouterDCToDCTraffic";

    /** ISO-8601 UTC to the second, as Zenlayer's Timestamp type is documented: {@code 2026-01-01T00:00:00Z}. */
    static final DateTimeFormatter WIRE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    static ZenlayerTrafficRequest of(ResourceRef resource, TimeWindow window) {
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        String action;
        String subject;
        if (resource instanceof ZenlayerPrivateConnect privateConnect) {
            action = PRIVATE_CONNECT_ACTION;
            subject = "private connect " + privateConnect.privateConnectId();
            body.put("privateConnectId", privateConnect.privateConnectId());
        } else if (resource instanceof ZenlayerCloudRouterDcPair pair) {
            action = CLOUD_ROUTER_ACTION;
            subject = "cloud router " + pair.cloudRouterId() + " from data centre " + pair.sourceDcId()
                    + " to " + pair.destinationDcId();
            body.put("cloudRouterId", pair.cloudRouterId());
            body.put("sourceDcId", pair.sourceDcId());
            body.put("destinationDcId", pair.destinationDcId());
        } else {
            throw new IllegalArgumentException("resource: expected a Zenlayer private connect or cloud router pair, got "
                    + resource.source().id());
        }
        body.put("startTime", WIRE_TIME.format(window.from()));
        body.put("endTime", WIRE_TIME.format(lastSecondOf(window)));
        return new ZenlayerTrafficRequest(action, JsonBodies.MAPPER.writeValueAsBytes(body),
                subject + " over " + window);
    }

    /**
     * Zenlayer's end time is inclusive (its own examples ask 00:00:00 to 23:59:59 for a day) while our windows are
     * half-open, so the last second inside the window is sent; asking for {@code to} itself could also count as a
     * span over one day, which the vendor refuses.
     */
    private static Instant lastSecondOf(TimeWindow window) {
        return window.to().minusSeconds(1);
    }
}
