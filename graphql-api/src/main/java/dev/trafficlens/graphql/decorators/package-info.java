/**
 * The {@link dev.trafficlens.domain.port.out.TrafficSource} decorators the service puts in front of each adapter
 * (metering, the cache), ordered by {@link dev.trafficlens.graphql.decorators.DecoratorChain}. They speak the
 * outbound port and nothing else of the hexagon.
 */
package dev.trafficlens.graphql.decorators;
