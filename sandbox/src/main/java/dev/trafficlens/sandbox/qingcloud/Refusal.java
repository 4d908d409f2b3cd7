package dev.trafficlens.sandbox.qingcloud;

/** Thrown while checking a request to stop at the first problem, the way the vendor reports one error per answer. */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient IaasError error;

    Refusal(IaasError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    IaasError error() {
        return error;
    }
}
