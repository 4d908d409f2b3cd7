/**
 * Faithful local simulators of the five vendor APIs trafficlens reads, on one embeddable HTTP server: each verifies
 * signatures with its own implementation, enforces the vendor's documented rules and answers in the vendor's own
 * envelopes, with deterministic traffic, injectable faults and call counters.
 */
package dev.trafficlens.sandbox;
