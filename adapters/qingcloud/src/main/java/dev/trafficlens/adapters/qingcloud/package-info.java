/**
 * The QingCloud adapter: reads SD-WAN access point traffic (GetWanMonitor) through the domain's outbound port,
 * signing each request with QingCloud's signature version 1 and decoding its compressed {@code [in, out]} series.
 * Only {@link dev.trafficlens.adapters.qingcloud.QingCloudConfig} and
 * {@link dev.trafficlens.adapters.qingcloud.QingCloudTrafficSource} are public; the wire format stays inside.
 */
package dev.trafficlens.adapters.qingcloud;
