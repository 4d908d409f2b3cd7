package dev.trafficlens.adapters.qingcloud;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.port.out.PlannedCall;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parameters of one GetWanMonitor call, before the common parameters and the signature are added. */
final class GetWanMonitorRequest {

    static final String ACTION = "GetWanMonitor";
    /** QingCloud's UTC time format for {@code start_time}, {@code end_time} and {@code time_stamp}. */
    static final DateTimeFormatter UTC_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private GetWanMonitorRequest() {
    }

    /** The meters a call needs, in a fixed order (traffic, flow, pps) so equal calls send equal queries. */
    static List<QingCloudMeter> metersFor(Set<Metric> metrics) {
        return Arrays.stream(QingCloudMeter.values())
                .filter(meter -> metrics.stream()
                        .anyMatch(metric -> QingCloudMeter.measuring(metric).filter(meter::equals).isPresent()))
                .toList();
    }

    static Map<String, String> parameters(PlannedCall call) {
        QingCloudWanAccess access = (QingCloudWanAccess) call.resource();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("action", ACTION);
        parameters.put("zone", access.zone());
        parameters.put("resource", access.resource());
        parameters.put("access_type", access.accessType());
        List<QingCloudMeter> meters = metersFor(call.metrics());
        for (int index = 0; index < meters.size(); index++) {
            parameters.put("meters." + (index + 1), meters.get(index).id());
        }
        parameters.put("step", call.step().label());
        parameters.put("start_time", utc(call.window().from()));
        parameters.put("end_time", utc(call.window().to()));
        access.interfaceName().ifPresent(name -> parameters.put("interface_name", name));
        access.monitorType().ifPresent(type -> parameters.put("monitor_type", type));
        access.haMemberIndex().ifPresent(index -> parameters.put("ha_member_index", index));
        return parameters;
    }

    static String utc(Instant time) {
        return UTC_SECONDS.format(time);
    }
}
