package dev.trafficlens.adapters.tencentvpc;

import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.adapters.support.Signing;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.TimeWindow;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One DescribeVpnConnMonitor question (a tunnel, a metric, a window) and how it is put on the wire: the legacy
 * common parameters, times in Beijing time, the signature over the raw values, then every value percent-encoded.
 */
record VpnConnMonitorRequest(TencentVpnConnection connection, VpnMonitorMetric metric, TimeWindow window) {

    static final String PATH = "/v2/index.php";
    static final String ACTION = "DescribeVpnConnMonitor";

    /** The legacy API reads {@code starttime}/{@code endtime} as China Standard Time, which has no daylight saving. */
    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    static final DateTimeFormatter VENDOR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);

    VpnConnMonitorRequest {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(window, "window");
    }

    /** Every parameter but {@code Signature}, with raw values, in the order the signature sorts them. */
    Map<String, String> unsignedParams(String secretId, long timestampSeconds, int nonce) {
        Map<String, String> params = new TreeMap<>();
        params.put("Action", ACTION);
        params.put("Region", connection.region());
        params.put("Timestamp", Long.toString(timestampSeconds));
        params.put("Nonce", Integer.toString(nonce));
        params.put("SecretId", secretId);
        params.put(TencentVpcSigner.SIGNATURE_METHOD, TencentVpcSigner.SignatureMethod.HMAC_SHA256.wireName());
        params.put("vpcId", connection.vpcId());
        params.put("vpnGwId", connection.vpnGwId());
        params.put("vpnConnId", connection.vpnConnId());
        params.put("metricName", metric.wireName());
        params.put("starttime", VENDOR_TIME.format(window.from()));
        params.put("endtime", VENDOR_TIME.format(window.to()));
        return params;
    }

    /**
     * The full GET URI for {@code monitorUri} (the endpoint with {@link #PATH}), signed for {@code host}, the
     * host[:port] the HTTP client will send. The signature covers the path actually requested.
     */
    URI signedUri(URI monitorUri, String host, String secretId, Secret secretKey, long timestampSeconds, int nonce) {
        Map<String, String> params = new LinkedHashMap<>(unsignedParams(secretId, timestampSeconds, nonce));
        params.put("Signature", TencentVpcSigner.signGet(host, monitorUri.getRawPath(), params, secretKey));
        String query = params.entrySet().stream()
                .map(param -> Signing.percentEncode(param.getKey()) + "=" + Signing.percentEncode(param.getValue()))
                .collect(Collectors.joining("&"));
        // URI.create keeps the already-encoded query as it is; the multi-argument constructors would encode '%' again.
        return URI.create(monitorUri + "?" + query);
    }

}
