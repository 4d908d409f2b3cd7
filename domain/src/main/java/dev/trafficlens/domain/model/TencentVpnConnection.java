package dev.trafficlens.domain.model;

import io.vavr.control.Validation;
import java.util.List;

/** A Tencent Cloud VPN tunnel, as DescribeVpnConnMonitor names it (ids such as {@code vpnx-ol6bcqp0}). */
public record TencentVpnConnection(String region, String vpcId, String vpnGwId, String vpnConnId)
        implements ResourceRef {

    public TencentVpnConnection {
        checks(region, vpcId, vpnGwId, vpnConnId).throwIfAny("TencentVpnConnection");
    }

    public static Validation<List<QueryProblem>, TencentVpnConnection> validate(
            String region, String vpcId, String vpnGwId, String vpnConnId) {
        return checks(region, vpcId, vpnGwId, vpnConnId)
                .toValidation(() -> new TencentVpnConnection(region, vpcId, vpnGwId, vpnConnId));
    }

    private static FieldChecks checks(String region, String vpcId, String vpnGwId, String vpnConnId) {
        return new FieldChecks()
                .identifier("region", region)
                .identifier("vpcId", vpcId)
                .identifier("vpnGwId", vpnGwId)
                .identifier("vpnConnId", vpnConnId);
    }

    @Override
    public Source source() {
        return Source.TENCENT_VPN_CONNECTION;
    }
}
