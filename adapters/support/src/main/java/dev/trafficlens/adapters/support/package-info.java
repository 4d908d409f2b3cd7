/**
 * Plumbing every vendor adapter shares: resilient HTTP exchanges with retries, per-credential rate limits and a
 * deadline; secrets that never print; lenient JSON reading. Adapters own their signing, wire formats and error maps.
 */
package dev.trafficlens.adapters.support;
