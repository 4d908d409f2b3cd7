/**
 * The audit of changes (issue #13): every Mutation field, recorded once per execution by one graphql-java
 * instrumentation, with who asked, what, on which id, and how it ended.
 */
package dev.trafficlens.graphql.audit;
