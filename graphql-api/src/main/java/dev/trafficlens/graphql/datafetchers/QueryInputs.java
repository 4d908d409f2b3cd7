package dev.trafficlens.graphql;

import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.ZenlayerCloudRouterDcPair;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.in.TrafficQuery;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the {@code queries} argument into domain queries, every problem of every query at once, each naming its field
 * from the argument's root ({@code queries[2].to}, {@code queries[0].resource.zenlayerPrivateConnect.privateConnectId}).
 */
final class QueryInputs {

    /** Query {@code i} as the domain reads it, or every problem with it. */
    record Mapped(List<Validation<List<QueryProblem>, TrafficQuery>> queries) {
    }

    private QueryInputs() {
    }

    static Mapped map(List<Map<String, Object>> inputs) {
        List<Validation<List<QueryProblem>, TrafficQuery>> mapped = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            String prefix = "queries[" + i + "]";
            mapped.add(one(inputs.get(i)).mapError(problems -> problems.stream().map(p -> p.under(prefix)).toList()));
        }
        return new Mapped(mapped);
    }

    @SuppressWarnings("unchecked")
    private static Validation<List<QueryProblem>, TrafficQuery> one(Map<String, Object> input) {
        List<QueryProblem> problems = new ArrayList<>();
        Optional<String> key = Optional.ofNullable((String) input.get("key"));
        Instant from = (Instant) input.get("from");
        Instant to = (Instant) input.get("to");
        Optional<Step> step = Optional.empty();
        String stepLabel = (String) input.get("step");
        if (stepLabel != null) {
            var parsed = Step.parse(stepLabel);
            if (parsed.isLeft()) {
                problems.add(QueryProblem.invalid("step", parsed.getLeft()));
            } else {
                step = Optional.of(parsed.get());
            }
        }
        Validation<List<QueryProblem>, ? extends ResourceRef> resource =
                resource((Map<String, Object>) input.get("resource"));
        if (resource.isInvalid()) {
            problems.addAll(resource.getError());
        }
        ResourceRef ref = resource.isValid() ? resource.get() : null;
        if (ref == null) {
            // Check the rest of the query too, so every problem is reported at once.
            if (from != null && to != null && !to.isAfter(from)) {
                problems.add(QueryProblem.invalid("to", "expected a time after from (" + from + "), got " + to));
            }
            return Validation.invalid(problems);
        }
        Validation<List<QueryProblem>, TrafficQuery> query =
                TrafficQuery.validate(key, ref, from, to, step, Set.of(), Optional.empty());
        if (query.isInvalid()) {
            problems.addAll(query.getError());
        }
        return problems.isEmpty() ? Validation.valid(query.get()) : Validation.invalid(problems);
    }

    private static Validation<List<QueryProblem>, ? extends ResourceRef> resource(Map<String, Object> input) {
        if (input == null || input.size() != 1) {
            return Validation.invalid(List.of(QueryProblem.invalid("resource",
                    "expected exactly one of tencentVpnConnection, tencentMnaRegion, qingcloudWan, "
                            + "zenlayerPrivateConnect, zenlayerCloudRouter")));
        }
        Map.Entry<String, Object> only = input.entrySet().iterator().next();
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) only.getValue();
        String kind = only.getKey();
        Validation<List<QueryProblem>, ? extends ResourceRef> ref = switch (kind) {
            case "tencentVpnConnection" -> TencentVpnConnection.validate(
                    text(fields, "region"), text(fields, "vpcId"), text(fields, "vpnGwId"), text(fields, "vpnConnId"));
            case "tencentMnaRegion" -> TencentMnaRegion.validate(
                    (Integer) fields.get("gatewayType"), Optional.ofNullable(text(fields, "accessRegion")));
            case "qingcloudWan" -> QingCloudWanAccess.validate(
                    text(fields, "zone"), text(fields, "resource"), text(fields, "accessType"),
                    Optional.ofNullable(text(fields, "interfaceName")), Optional.ofNullable(text(fields, "monitorType")),
                    Optional.ofNullable(text(fields, "haMemberIndex")));
            case "zenlayerPrivateConnect" -> ZenlayerPrivateConnect.validate(text(fields, "privateConnectId"));
            case "zenlayerCloudRouter" -> ZenlayerCloudRouterDcPair.validate(
                    text(fields, "cloudRouterId"), text(fields, "sourceDcId"), text(fields, "destinationDcId"));
            default -> throw new IllegalStateException("the schema has no resource kind " + kind);
        };
        return ref.mapError(problems -> problems.stream().map(p -> p.under("resource." + kind)).toList());
    }

    private static String text(Map<String, Object> fields, String name) {
        return (String) fields.get(name);
    }
}
