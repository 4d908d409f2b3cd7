package dev.trafficlens.sandbox.qingcloud;

import dev.trafficlens.sandbox.SandboxResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A QingCloud IaaS error: HTTP 200 with {@code {"ret_code": N, "message": "Kind, detail"}}, the codes of the
 * vendor's error table (1100 parameter, 1200 authentication, 1300 expired, 2100 not found, 2500 quota, 5000 internal).
 */
record IaasError(int retCode, String message) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static IaasError invalidParameter(String detail) {
        return new IaasError(1100, "InvalidParameterValue, " + detail);
    }

    static IaasError missingParameter(String name) {
        return new IaasError(1100, "MissingParameter, parameter [" + name + "] is required");
    }

    static IaasError unknownAccessKey(String accessKeyId) {
        return new IaasError(1200, "AuthFailure, access key [" + accessKeyId + "] not found");
    }

    static IaasError signatureNotMatched() {
        return new IaasError(1200, "AuthFailure, signature not matched");
    }

    static IaasError expired() {
        return new IaasError(1300, "RequestExpired, the request has been expired");
    }

    static IaasError resourceNotFound(String resource) {
        return new IaasError(2100, "ResourceNotFound, resource [" + resource + "] not found");
    }

    static IaasError quotaExceeded() {
        return new IaasError(2500, "QuotaExceeded, you have reached the daily quota of API requests");
    }

    static IaasError internal() {
        return new IaasError(5000, "InternalError, please try again later");
    }

    SandboxResponse toResponse() {
        ObjectNode body = JSON.createObjectNode();
        body.put("ret_code", retCode);
        body.put("message", message);
        return SandboxResponse.json(200, JSON.writeValueAsString(body));
    }
}
