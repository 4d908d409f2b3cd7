/** The outbound port: what a vendor adapter implements so the domain can read its traffic. */
package dev.trafficlens.domain.port.out;
