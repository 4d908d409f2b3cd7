/** The inbound port: what the GraphQL service and library users call to read traffic. */
package dev.trafficlens.domain.port.in;
