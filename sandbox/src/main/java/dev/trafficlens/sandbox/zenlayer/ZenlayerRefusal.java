package dev.trafficlens.sandbox.zenlayer;

/** A request the simulator refuses, with the vendor's code and a message for people; thrown to stop handling. */
final class ZenlayerRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ZenlayerError error;

    ZenlayerRefusal(ZenlayerError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    ZenlayerError error() {
        return error;
    }
}
