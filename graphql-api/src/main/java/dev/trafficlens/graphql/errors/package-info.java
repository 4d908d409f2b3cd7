/** Domain errors as GraphQL errors, typed so DGS keeps their {@code errorType}. */
package dev.trafficlens.graphql.errors;
