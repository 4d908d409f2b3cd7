/** JMH benchmarks that measure the domain's statistics against library baselines on traffic-shaped data. */
package dev.trafficlens.benchmarks;
