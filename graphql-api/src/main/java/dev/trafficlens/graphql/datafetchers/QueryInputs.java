package dev.trafficlens.graphql.datafetchers;

import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.ZenlayerCloudRouterDcPair;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.graphql.generated.DgsConstants.RESOURCEINPUT;
import dev.trafficlens.graphql.generated.types.QingcloudWanInput;
import dev.trafficlens.graphql.generated.types.ResourceInput;
import dev.trafficlens.graphql.generated.types.TencentMnaRegionInput;
import dev.trafficlens.graphql.generated.types.TencentVpnConnectionInput;
import dev.trafficlens.graphql.generated.types.ZenlayerCloudRouterInput;
import dev.trafficlens.graphql.generated.types.ZenlayerPrivateConnectInput;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns the {@code queries} argument (the generated input types) into domain queries, every problem of every query at once, each naming its field
 * from the argument's root ({@code queries[2].to}, {@code queries[0].resource.zenlayerPrivateConnect.privateConnectId}).
 */
final class QueryInputs {

    /** Query {@code i} as the domain reads it, or every problem with it. */
    record Mapped(List<Validation<List<QueryProblem>, TrafficQuery>> queries) {
    }

    /** The resource of a link, by the link's id; or the problem of field {@code link} why it has none. */
    @FunctionalInterface
    interface LinkLookup {
        Validation<QueryProblem, ResourceRef> resourceOf(String linkId);
    }

    private QueryInputs() {
    }

    static Mapped map(List<dev.trafficlens.graphql.generated.types.TrafficQuery> inputs, LinkLookup links) {
        List<Validation<List<QueryProblem>, TrafficQuery>> mapped = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            String prefix = "queries[" + i + "]";
            mapped.add(one(inputs.get(i), links)
                    .mapError(problems -> problems.stream().map(p -> p.under(prefix)).toList()));
        }
        return new Mapped(mapped);
    }

    private static Validation<List<QueryProblem>, TrafficQuery> one(
            dev.trafficlens.graphql.generated.types.TrafficQuery input, LinkLookup links) {
        List<QueryProblem> problems = new ArrayList<>();
        Optional<String> key = Optional.ofNullable(input.getKey());
        Instant from = input.getFrom();
        Instant to = input.getTo();
        Optional<Step> step = Optional.empty();
        String stepLabel = input.getStep();
        if (stepLabel != null) {
            var parsed = Step.parse(stepLabel);
            if (parsed.isLeft()) {
                problems.add(QueryProblem.invalid("step", parsed.getLeft()));
            } else {
                step = Optional.of(parsed.get());
            }
        }
        Validation<List<QueryProblem>, ? extends ResourceRef> resource;
        if (input.getLink() != null && input.getResource() != null) {
            resource = Validation.invalid(List.of(QueryProblem.invalid("link",
                    "expected exactly one of resource and link, got both")));
        } else if (input.getLink() != null) {
            resource = links.resourceOf(input.getLink()).mapError(List::of);
        } else if (input.getResource() == null) {
            resource = Validation.invalid(List.of(QueryProblem.invalid("resource",
                    "expected exactly one of resource and link, got neither")));
        } else {
            resource = resource(input.getResource());
        }
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

    /** The one kind of resource given (the schema's {@code @oneOf} already refuses two), as the domain reads it. */
    static Validation<List<QueryProblem>, ? extends ResourceRef> resource(ResourceInput input) {
        List<Map.Entry<String, Supplier<Validation<List<QueryProblem>, ? extends ResourceRef>>>> given =
                input == null ? List.of() : kinds(input);
        if (given.size() != 1) {
            return Validation.invalid(List.of(QueryProblem.invalid("resource",
                    "expected exactly one of tencentVpnConnection, tencentMnaRegion, qingcloudWan, "
                            + "zenlayerPrivateConnect, zenlayerCloudRouter")));
        }
        String kind = given.get(0).getKey();
        return given.get(0).getValue().get()
                .mapError(problems -> problems.stream().map(p -> p.under("resource." + kind)).toList());
    }

    /** Each kind of resource given in {@code input}, by its field's name, with how the domain validates it. */
    private static List<Map.Entry<String, Supplier<Validation<List<QueryProblem>, ? extends ResourceRef>>>> kinds(
            ResourceInput input) {
        List<Map.Entry<String, Supplier<Validation<List<QueryProblem>, ? extends ResourceRef>>>> given =
                new ArrayList<>();
        TencentVpnConnectionInput vpn = input.getTencentVpnConnection();
        if (vpn != null) {
            given.add(Map.entry(RESOURCEINPUT.TencentVpnConnection, () -> TencentVpnConnection.validate(
                    vpn.getRegion(), vpn.getVpcId(), vpn.getVpnGwId(), vpn.getVpnConnId())));
        }
        TencentMnaRegionInput mna = input.getTencentMnaRegion();
        if (mna != null) {
            given.add(Map.entry(RESOURCEINPUT.TencentMnaRegion, () -> TencentMnaRegion.validate(
                    mna.getGatewayType(), Optional.ofNullable(mna.getAccessRegion()))));
        }
        QingcloudWanInput wan = input.getQingcloudWan();
        if (wan != null) {
            given.add(Map.entry(RESOURCEINPUT.QingcloudWan, () -> QingCloudWanAccess.validate(
                    wan.getZone(), wan.getResource(), wan.getAccessType(),
                    Optional.ofNullable(wan.getInterfaceName()), Optional.ofNullable(wan.getMonitorType()),
                    Optional.ofNullable(wan.getHaMemberIndex()))));
        }
        ZenlayerPrivateConnectInput privateConnect = input.getZenlayerPrivateConnect();
        if (privateConnect != null) {
            given.add(Map.entry(RESOURCEINPUT.ZenlayerPrivateConnect,
                    () -> ZenlayerPrivateConnect.validate(privateConnect.getPrivateConnectId())));
        }
        ZenlayerCloudRouterInput cloudRouter = input.getZenlayerCloudRouter();
        if (cloudRouter != null) {
            given.add(Map.entry(RESOURCEINPUT.ZenlayerCloudRouter, () -> ZenlayerCloudRouterDcPair.validate(
                    cloudRouter.getCloudRouterId(), cloudRouter.getSourceDcId(), cloudRouter.getDestinationDcId())));
        }
        return given;
    }
}
