/** The schema's scalars: {@code DateTime} and {@code SampleValues}. */
package dev.trafficlens.graphql.scalars;
