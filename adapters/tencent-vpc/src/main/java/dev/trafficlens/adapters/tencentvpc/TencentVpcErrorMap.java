package dev.trafficlens.adapters.tencentvpc;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import java.util.Optional;

/**
 * Tencent Cloud's legacy error answers ({@code code} ≠ 0, perhaps a module code in {@code codeDesc}) read as domain
 * failures: which are final, which are worth another attempt, and what to tell the person reading the error.
 */
final class TencentVpcErrorMap {

    private static final Source SOURCE = Source.TENCENT_VPN_CONNECTION;

    private TencentVpcErrorMap() {
    }

    /**
     * @param subject   who asked for what, opening the message: "tencent.vpn-connection (VPN connection vpnx-1 …)"
     * @param code      the legacy numeric code
     * @param codeDesc  the module code, when the vendor sent one
     * @param message   the vendor's own message, already shortened
     */
    static <T> Attempt<T> read(String subject, long code, Optional<String> codeDesc, String message) {
        String vendorCode = codeDesc.orElse(Long.toString(code));
        String quoted = " (code " + code + codeDesc.map(desc -> " " + desc).orElse("")
                + (message.isEmpty() ? "" : ": " + message) + ")";
        Optional<Attempt<T>> byModuleCode = codeDesc.flatMap(desc -> readModuleCode(subject, desc, quoted, vendorCode));
        return byModuleCode.orElseGet(() -> readLegacyCode(subject, code, quoted, vendorCode));
    }

    /** Module codes are more precise than the legacy number they come with (a 4000 may carry a ".NotFound"). */
    private static <T> Optional<Attempt<T>> readModuleCode(
            String subject, String codeDesc, String quoted, String vendorCode) {
        if (codeDesc.endsWith(".NotFound") || codeDesc.equals("ResourceNotFound")) {
            return Optional.of(Attempt.failure(failure(ErrorKind.NOT_FOUND, subject
                    + ": the vendor does not know this VPC, VPN gateway or VPN connection" + quoted, vendorCode)));
        }
        if (codeDesc.startsWith("RequestLimitExceeded")) {
            return Optional.of(Attempt.retryable(failure(ErrorKind.RATE_LIMITED, subject
                    + ": the vendor is throttling requests" + quoted, vendorCode)));
        }
        if (codeDesc.startsWith("AuthFailure")) {
            return Optional.of(Attempt.failure(failure(ErrorKind.UNAUTHENTICATED, subject
                    + ": the vendor rejected the SecretId or the signature" + quoted, vendorCode)));
        }
        if (codeDesc.startsWith("InternalError")) {
            return Optional.of(Attempt.retryable(failure(ErrorKind.VENDOR_UNAVAILABLE, subject
                    + ": the vendor failed internally" + quoted, vendorCode)));
        }
        return Optional.empty();
    }

    private static <T> Attempt<T> readLegacyCode(String subject, long code, String quoted, String vendorCode) {
        if (code == 4100 || code == 4104 || code == 4105 || code == 4106 || code == 4110) {
            return Attempt.failure(failure(ErrorKind.UNAUTHENTICATED, subject
                    + ": the vendor rejected the credentials (bad signature, unknown SecretId, bad token or MFA)"
                    + quoted, vendorCode));
        }
        if (code == 4101 || code == 4102 || code == 4103 || code == 4300) {
            return Attempt.failure(failure(ErrorKind.UNAUTHENTICATED, subject
                    + ": the credentials are valid but not authorised for DescribeVpnConnMonitor on this resource"
                    + quoted, vendorCode));
        }
        if (code == 4200 || code == 4500) {
            return Attempt.failure(failure(ErrorKind.UNAUTHENTICATED, subject
                    + ": the vendor refused the request as expired or replayed; check this machine's clock for skew"
                    + " (the signed Timestamp must be close to the vendor's time)" + quoted, vendorCode));
        }
        if (code == 4400) {
            return Attempt.failure(failure(ErrorKind.RATE_LIMITED, subject
                    + ": the account's API quota is used up" + quoted, vendorCode));
        }
        if (code == 4600) {
            return Attempt.failure(failure(ErrorKind.VENDOR_ERROR, subject
                    + ": the vendor accepts HTTPS only; configure an https:// endpoint" + quoted, vendorCode));
        }
        if (code == 4000) {
            return Attempt.failure(failure(ErrorKind.VENDOR_ERROR, subject
                    + ": the vendor refused a parameter" + quoted, vendorCode));
        }
        if (code == 5000) {
            return Attempt.failure(failure(ErrorKind.NOT_FOUND, subject
                    + ": the vendor does not know this resource" + quoted, vendorCode));
        }
        if (code >= 5100) {
            return Attempt.retryable(failure(ErrorKind.VENDOR_UNAVAILABLE, subject
                    + ": the vendor failed on its side" + quoted, vendorCode));
        }
        return Attempt.failure(failure(ErrorKind.VENDOR_ERROR, subject
                + ": the vendor answered with an error" + quoted, vendorCode));
    }

    private static SourceFailure failure(ErrorKind kind, String message, String vendorCode) {
        return SourceFailure.of(kind, SOURCE, message).withVendorCode(vendorCode);
    }
}
