/**
 * The schema's fields, one data fetcher per area ({@code traffic}/{@code aggregate}, their series and statistics,
 * {@code sources}). They speak the domain's inbound port and values only, and leave filtering, billing and statistics
 * to the domain.
 */
package dev.trafficlens.graphql.datafetchers;
