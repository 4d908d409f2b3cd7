/**
 * The Zenlayer adapter of the outbound port: Cloud API 2.0 sdn traffic of private connects and cloud router
 * data-centre pairs, signed with ZC2-HMAC-SHA256. Only {@link dev.trafficlens.adapters.zenlayer.ZenlayerConfig} and
 * {@link dev.trafficlens.adapters.zenlayer.ZenlayerTrafficSource} are public; wire types stay package-private.
 */
package dev.trafficlens.adapters.zenlayer;
