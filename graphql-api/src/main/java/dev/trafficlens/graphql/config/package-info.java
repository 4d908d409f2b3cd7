/**
 * How the service is assembled and configured: the one place the hexagon is wired ({@code TrafficlensWiring}), the
 * typed {@code trafficlens.*} settings, the request limits, the metrics and health. The only package of graphql-api
 * allowed to use the domain service, the adapters and the sandbox.
 */
package dev.trafficlens.graphql.config;
