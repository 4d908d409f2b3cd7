package dev.trafficlens.adapters.tencentvpc;

/**
 * A successful DescribeVpnConnMonitor answer: bit rates by position, value {@code i} describing the five minutes
 * from {@code starttime + 5·i} minutes; NaN where the vendor sent {@code null}.
 */
record VpnConnMonitorReply(double[] bitsPerSecond) {

    /** Spacing of the positional values, fixed by the API. */
    static final long SLOT_SECONDS = 300;

    VpnConnMonitorReply {
        bitsPerSecond = bitsPerSecond.clone();
    }

    @Override
    public double[] bitsPerSecond() {
        return bitsPerSecond.clone();
    }
}
