/**
 * Access control (docs/security.md): who the caller is (an API token's name, a JWT's subject, or the anonymous or
 * sandbox caller when no token is needed), which role it has, and the one place that decides what each role may do,
 * over HTTP ({@code AccessControl}) and field by field in GraphQL ({@code FieldAccess}).
 */
package dev.trafficlens.graphql.security;
