package dev.trafficlens.domain.model;

import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One stable, readable text key per {@link ResourceRef}, for stores that index resources by a string (the archive,
 * the links): the source id, then each field as {@code name=value} in the record's order, separated by {@code /}, an
 * absent optional field left out. For example {@code zenlayer.private-connect/privateConnectId=pc-1} or
 * {@code qingcloud.wan-access/zone=pek3/resource=wacc-1/accessType=vpc/monitorType=pop}.
 *
 * <p>In a value, {@code %}, {@code /} and {@code =} are written as {@code %25}, {@code %2F} and {@code %3D}, so equal
 * references give equal keys and different references different keys. The key is stored: changing its format needs
 * a migration of every stored key.
 */
public final class ResourceKeys {

    private static final char SEPARATOR = '/';
    private static final char ASSIGNMENT = '=';
    private static final char ESCAPE = '%';

    private ResourceKeys() {
    }

    /** The canonical key of {@code resource}. */
    public static String key(ResourceRef resource) {
        StringBuilder key = new StringBuilder(resource.source().id());
        // One source per kind of reference (Source's contract), so this switch names every kind.
        switch (resource.source()) {
            case TENCENT_VPN_CONNECTION -> {
                TencentVpnConnection vpn = (TencentVpnConnection) resource;
                field(key, "region", vpn.region());
                field(key, "vpcId", vpn.vpcId());
                field(key, "vpnGwId", vpn.vpnGwId());
                field(key, "vpnConnId", vpn.vpnConnId());
            }
            case TENCENT_MNA_REGION -> {
                TencentMnaRegion mna = (TencentMnaRegion) resource;
                field(key, "gatewayType", Integer.toString(mna.gatewayType()));
                mna.accessRegion().ifPresent(region -> field(key, "accessRegion", region));
            }
            case QINGCLOUD_WAN -> {
                QingCloudWanAccess wan = (QingCloudWanAccess) resource;
                field(key, "zone", wan.zone());
                field(key, "resource", wan.resource());
                field(key, "accessType", wan.accessType());
                wan.interfaceName().ifPresent(value -> field(key, "interfaceName", value));
                wan.monitorType().ifPresent(value -> field(key, "monitorType", value));
                wan.haMemberIndex().ifPresent(value -> field(key, "haMemberIndex", value));
            }
            case ZENLAYER_PRIVATE_CONNECT ->
                    field(key, "privateConnectId", ((ZenlayerPrivateConnect) resource).privateConnectId());
            case ZENLAYER_CLOUD_ROUTER -> {
                ZenlayerCloudRouterDcPair pair = (ZenlayerCloudRouterDcPair) resource;
                field(key, "cloudRouterId", pair.cloudRouterId());
                field(key, "sourceDcId", pair.sourceDcId());
                field(key, "destinationDcId", pair.destinationDcId());
            }
        }
        return key.toString();
    }

    /**
     * The resource a key names, or every problem with it: a field problem names the field as the resource's
     * {@code validate} factory does ({@code vpcId}); a problem with the key as a whole names {@code key}.
     */
    public static Validation<List<QueryProblem>, ResourceRef> parse(String key) {
        if (key == null || key.isEmpty()) {
            return invalid("key", "expected a resource key such as zenlayer.private-connect/privateConnectId=pc-1");
        }
        int end = key.indexOf(SEPARATOR);
        String sourceId = end < 0 ? key : key.substring(0, end);
        Optional<Source> source = Source.byId(sourceId);
        if (source.isEmpty()) {
            return invalid("key", "expected a key starting with a source id ("
                    + String.join(", ", sourceIds()) + "), got \"" + sourceId + "\"");
        }
        List<QueryProblem> problems = new ArrayList<>();
        Map<String, String> fields = fields(end < 0 ? "" : key.substring(end + 1), problems);
        if (!problems.isEmpty()) {
            return Validation.invalid(List.copyOf(problems));
        }
        Validation<List<QueryProblem>, ? extends ResourceRef> resource = switch (source.get()) {
            case TENCENT_VPN_CONNECTION -> TencentVpnConnection.validate(
                    fields.remove("region"), fields.remove("vpcId"), fields.remove("vpnGwId"),
                    fields.remove("vpnConnId"));
            case TENCENT_MNA_REGION -> {
                Optional<String> accessRegion = Optional.ofNullable(fields.remove("accessRegion"));
                yield gatewayType(fields.remove("gatewayType"), problems)
                        .<Validation<List<QueryProblem>, ? extends ResourceRef>>map(
                                type -> TencentMnaRegion.validate(type, accessRegion))
                        .orElseGet(() -> Validation.invalid(List.copyOf(problems)));
            }
            case QINGCLOUD_WAN -> QingCloudWanAccess.validate(
                    fields.remove("zone"), fields.remove("resource"), fields.remove("accessType"),
                    Optional.ofNullable(fields.remove("interfaceName")),
                    Optional.ofNullable(fields.remove("monitorType")),
                    Optional.ofNullable(fields.remove("haMemberIndex")));
            case ZENLAYER_PRIVATE_CONNECT -> ZenlayerPrivateConnect.validate(fields.remove("privateConnectId"));
            case ZENLAYER_CLOUD_ROUTER -> ZenlayerCloudRouterDcPair.validate(
                    fields.remove("cloudRouterId"), fields.remove("sourceDcId"), fields.remove("destinationDcId"));
        };
        List<QueryProblem> unknown = fields.keySet().stream()
                .map(name -> QueryProblem.invalid(name, "is no field of a " + sourceId + " resource"))
                .toList();
        if (!unknown.isEmpty()) {
            List<QueryProblem> all = new ArrayList<>(resource.isInvalid() ? resource.getError() : List.of());
            all.addAll(unknown);
            return Validation.invalid(List.copyOf(all));
        }
        return resource.map(ResourceRef.class::cast);
    }

    private static void field(StringBuilder key, String name, String value) {
        key.append(SEPARATOR).append(name).append(ASSIGNMENT);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ESCAPE || c == SEPARATOR || c == ASSIGNMENT) {
                key.append(ESCAPE).append(String.format("%02X", (int) c));
            } else {
                key.append(c);
            }
        }
    }

    private static Map<String, String> fields(String text, List<QueryProblem> problems) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return fields;
        }
        for (String segment : text.split(String.valueOf(SEPARATOR), -1)) {
            int assignment = segment.indexOf(ASSIGNMENT);
            if (assignment <= 0) {
                problems.add(QueryProblem.invalid("key", "expected name=value after each /, got \"" + segment + "\""));
                continue;
            }
            String name = segment.substring(0, assignment);
            Optional<String> value = unescape(segment.substring(assignment + 1));
            if (value.isEmpty()) {
                problems.add(QueryProblem.invalid(name, "expected %25, %2F or %3D after %, the only escapes a key holds"));
            } else if (fields.putIfAbsent(name, value.get()) != null) {
                problems.add(QueryProblem.invalid(name, "expected once in the key, got it twice"));
            }
        }
        return fields;
    }

    private static Optional<String> unescape(String value) {
        if (value.indexOf(ESCAPE) < 0) {
            return Optional.of(value);
        }
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ESCAPE) {
                plain.append(c);
                continue;
            }
            String code = i + 2 < value.length() ? value.substring(i + 1, i + 3) : "";
            switch (code) {
                case "25" -> plain.append(ESCAPE);
                case "2F" -> plain.append(SEPARATOR);
                case "3D" -> plain.append(ASSIGNMENT);
                default -> {
                    return Optional.empty();
                }
            }
            i += 2;
        }
        return Optional.of(plain.toString());
    }

    private static Optional<Integer> gatewayType(String value, List<QueryProblem> problems) {
        if (value != null && value.matches("-?[0-9]{1,9}")) {
            return Optional.of(Integer.parseInt(value));
        }
        problems.add(QueryProblem.invalid("gatewayType",
                "expected 0 (public cloud gateway) or 1 (private gateway), got " + quoted(value)));
        return Optional.empty();
    }

    private static Validation<List<QueryProblem>, ResourceRef> invalid(String field, String message) {
        return Validation.invalid(List.of(QueryProblem.invalid(field, message)));
    }

    private static List<String> sourceIds() {
        return Set.of(Source.values()).stream().map(Source::id).sorted().toList();
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "\"" + value + "\"";
    }
}
