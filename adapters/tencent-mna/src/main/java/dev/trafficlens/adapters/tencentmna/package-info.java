/**
 * The Tencent Cloud MNA adapter of the outbound port: API 3.0 GetFlowStatisticByRegion, one call per traffic type,
 * signed with TC3-HMAC-SHA256. Only {@link dev.trafficlens.adapters.tencentmna.TencentMnaConfig} and
 * {@link dev.trafficlens.adapters.tencentmna.TencentMnaTrafficSource} are public; the wire format stays inside.
 */
package dev.trafficlens.adapters.tencentmna;
