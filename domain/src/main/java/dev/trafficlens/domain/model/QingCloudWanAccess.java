package dev.trafficlens.domain.model;

import io.vavr.control.Validation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A QingCloud SD-WAN access point as GetWanMonitor names it: a {@code wacc-} box or a {@code waif-} line or gateway
 * interface in a zone, optionally narrowed to one box interface, monitor type and HA member.
 */
public record QingCloudWanAccess(
        String zone,
        String resource,
        String accessType,
        Optional<String> interfaceName,
        Optional<String> monitorType,
        Optional<String> haMemberIndex) implements ResourceRef {

    /** {@code line} is what the vendor's SDK documents besides the API page's three. */
    public static final Set<String> ACCESS_TYPES = Set.of("vpc", "cpe", "connect", "line");
    public static final Set<String> MONITOR_TYPES = Set.of("internet", "pop");

    public QingCloudWanAccess {
        checks(zone, resource, accessType, interfaceName, monitorType, haMemberIndex).throwIfAny("QingCloudWanAccess");
    }

    public static Validation<List<QueryProblem>, QingCloudWanAccess> validate(
            String zone, String resource, String accessType,
            Optional<String> interfaceName, Optional<String> monitorType, Optional<String> haMemberIndex) {
        return checks(zone, resource, accessType, interfaceName, monitorType, haMemberIndex)
                .toValidation(() -> new QingCloudWanAccess(
                        zone, resource, accessType, interfaceName, monitorType, haMemberIndex));
    }

    /** The usual case: a whole access point, no interface, monitor type or HA member chosen. */
    public static QingCloudWanAccess of(String zone, String resource, String accessType) {
        return new QingCloudWanAccess(zone, resource, accessType, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static FieldChecks checks(
            String zone, String resource, String accessType,
            Optional<String> interfaceName, Optional<String> monitorType, Optional<String> haMemberIndex) {
        FieldChecks checks = new FieldChecks()
                .identifier("zone", zone)
                .identifier("resource", resource)
                .oneOf("accessType", accessType, ACCESS_TYPES)
                .optionalIdentifier("interfaceName", interfaceName)
                .optionalOneOf("monitorType", monitorType, MONITOR_TYPES);
        if (haMemberIndex == null) {
            return checks.add("haMemberIndex", "expected a value or Optional.empty()");
        }
        haMemberIndex.filter(index -> !index.matches("[0-9]{1,3}"))
                .ifPresent(index -> checks.add("haMemberIndex", "expected a member index such as 0 or 1, got \"" + index + "\""));
        return checks;
    }

    @Override
    public Source source() {
        return Source.QINGCLOUD_WAN;
    }
}
