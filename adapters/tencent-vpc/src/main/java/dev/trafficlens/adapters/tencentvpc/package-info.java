/**
 * The Tencent Cloud VPN tunnel adapter: signed legacy API v2 DescribeVpnConnMonitor calls behind the domain's
 * {@code TrafficSource} port. Only {@link dev.trafficlens.adapters.tencentvpc.TencentVpcConfig} and
 * {@link dev.trafficlens.adapters.tencentvpc.TencentVpcTrafficSource} are public; the wire format stays inside.
 */
package dev.trafficlens.adapters.tencentvpc;
