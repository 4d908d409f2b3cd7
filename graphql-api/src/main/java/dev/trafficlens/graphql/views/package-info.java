/**
 * Domain results read as the schema's types where a data fetcher resolves a field below them; plain output types are
 * the generated ones.
 */
package dev.trafficlens.graphql.views;
