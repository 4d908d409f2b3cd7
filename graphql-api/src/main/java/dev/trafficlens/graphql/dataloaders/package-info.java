/** The request's data loaders: one run of the inbound port for every traffic query of a GraphQL request. */
package dev.trafficlens.graphql.dataloaders;
