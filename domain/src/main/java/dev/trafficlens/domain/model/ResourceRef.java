package dev.trafficlens.domain.model;

/**
 * Names one thing a vendor measures, in that vendor's own terms. The set is closed: each kind belongs to exactly one
 * {@link Source}, and an adapter can switch over the kinds it serves. Each kind has a {@code validate} factory that
 * reports every bad field at once; its constructor refuses the same values with an exception.
 */
public sealed interface ResourceRef
        permits TencentVpnConnection, TencentMnaRegion, QingCloudWanAccess, ZenlayerPrivateConnect,
        ZenlayerCloudRouterDcPair {

    Source source();
}
