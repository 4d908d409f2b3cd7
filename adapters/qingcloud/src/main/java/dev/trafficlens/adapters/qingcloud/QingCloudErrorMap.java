package dev.trafficlens.adapters.qingcloud;

import dev.trafficlens.adapters.support.Attempt;
import dev.trafficlens.adapters.support.VendorResponses;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;

/**
 * QingCloud's {@code ret_code} values (docs/vendors.md) as the domain's error kinds, worded for people; the code
 * always travels with the failure, so an operator can quote it.
 */
final class QingCloudErrorMap {

    private static final Source SOURCE = Source.QINGCLOUD_WAN;

    private QingCloudErrorMap() {
    }

    /** What a non-zero {@code ret_code} means for a call about {@code access}: a final failure, or one worth retrying. */
    static <T> Attempt<T> attempt(long retCode, String vendorMessage, QingCloudWanAccess access) {
        String code = Long.toString(retCode);
        String said = vendorMessage.isBlank() ? "" : ": " + VendorResponses.shortened(vendorMessage);
        String what = SOURCE.id() + " " + describe(retCode, access) + " (ret_code " + code + said + ")";
        SourceFailure failure = SourceFailure.of(kindOf(retCode), SOURCE, what).withVendorCode(code);
        return retCode == 5000 || retCode == 5100 ? Attempt.retryable(failure) : Attempt.failure(failure);
    }

    private static ErrorKind kindOf(long retCode) {
        return switch (asSwitchable(retCode)) {
            case 1200, 1300, 1400 -> ErrorKind.UNAUTHENTICATED;
            case 2100 -> ErrorKind.NOT_FOUND;
            // The API request quota is counted per day, so waiting seconds and retrying cannot help.
            case 2500 -> ErrorKind.RATE_LIMITED;
            case 5000, 5100 -> ErrorKind.VENDOR_UNAVAILABLE;
            default -> ErrorKind.VENDOR_ERROR;
        };
    }

    private static String describe(long retCode, QingCloudWanAccess access) {
        return switch (asSwitchable(retCode)) {
            case 1100 -> "rejected the request's parameters for access point " + access.resource();
            case 1200 -> "rejected the access key or the request's signature";
            case 1300 -> "refused the request as expired: this machine's clock is more than a minute away from "
                    + "QingCloud's";
            case 1400 -> "denied permission to read access point " + access.resource() + " in zone " + access.zone();
            case 2100 -> "does not know access point " + access.resource() + " in zone " + access.zone();
            case 2500 -> "refused the call because a quota is used up (the API request quota resets daily)";
            case 5000 -> "failed with an internal error";
            case 5100 -> "is too busy to answer";
            default -> "answered with an error";
        };
    }

    /** Codes beyond int range are unknown codes, like any other the vendor does not document. */
    private static int asSwitchable(long retCode) {
        return retCode == (int) retCode ? (int) retCode : -1;
    }
}
