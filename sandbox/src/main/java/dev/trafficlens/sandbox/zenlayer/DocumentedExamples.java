package dev.trafficlens.sandbox.zenlayer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The vendor's own example exchanges (the two API pages'): the documented example request, with its placeholder ids and
 * times, gets the documented example response verbatim, field spelling included ({@code in}/{@code out} on the
 * private connect page, {@code internetRX}/{@code internetTX} on the cloud router page). Every other request is
 * served from TrafficModel. Authentication and the time rules still apply first.
 */
final class DocumentedExamples {

    private record Key(ZenlayerApi api, List<String> ids, Instant start, Instant end) {
    }

    private static final String PRIVATE_CONNECT_EXAMPLE = """
            {"dataList":[
              {"in":873034,"out":11971,"time":"2023-01-01T00:00:00Z"},
              {"in":873034,"out":11971,"time":"2023-01-01T00:05:00Z"},
              {"in":635218,"out":9028,"time":"2023-01-01T00:10:00Z"}],
             "in95":873034,"inAvg":793762,"inMax":873034,"inMin":635218,
             "out95":11971,"outAvg":10990,"outMax":11971,"outMin":9028,"unit":"bps"}
            """;

    private static final String CLOUD_ROUTER_EXAMPLE = """
            {"dataList":[
              {"time":"2026-01-01T00:00:00Z","internetRX":873034,"internetTX":11971},
              {"time":"2026-01-01T00:05:00Z","internetRX":873034,"internetTX":11971},
              {"time":"2026-01-01T00:10:00Z","internetRX":635218,"internetTX":9028}],
             "in95":873034,"inAvg":793762,"inMax":873034,"inMin":635218,
             "out95":11971,"outAvg":10990,"outMax":11971,"outMin":9028,"unit":"bps"}
            """;

    private static final Map<Key, String> EXAMPLES = Map.of(
            new Key(ZenlayerApi.PRIVATE_CONNECT, List.of("your-private-connect-id"),
                    Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2023-01-01T23:59:59Z")),
            PRIVATE_CONNECT_EXAMPLE,
            new Key(ZenlayerApi.CLOUD_ROUTER, List.of("your-cloudrouter-id", "source-dc-id", "destination-dc-id"),
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T23:59:59Z")),
            CLOUD_ROUTER_EXAMPLE);

    private DocumentedExamples() {
    }

    /** The documented response fields after requestId, when {@code call} is exactly a documented example request. */
    static Optional<ObjectNode> answerTo(TrafficCall call, JsonMapper json) {
        String example = EXAMPLES.get(new Key(call.api(), call.ids(), call.start(), call.end()));
        return Optional.ofNullable(example).map(text -> (ObjectNode) json.readTree(text));
    }
}
