/** The trafficlens domain: pure Java, no frameworks. */
package dev.trafficlens.domain;
