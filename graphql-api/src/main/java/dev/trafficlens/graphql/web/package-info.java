/** GraphiQL, served from the jar so it works offline. */
package dev.trafficlens.graphql.web;
