package dev.trafficlens.graphql.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.graphql.config.TrafficlensProperties;
import graphql.GraphQLContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The parts access control decides with: field coordinates to roles, token hashes to callers, JWT claims to roles. */
class SecurityValuesTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void every_mutation_and_the_audit_log_need_an_editor_every_other_field_a_viewer() {
        assertThat(FieldAccess.requiredRole("Mutation", "addLink")).isEqualTo(Role.EDITOR);
        assertThat(FieldAccess.requiredRole("Mutation", "aMutationAddedLater")).isEqualTo(Role.EDITOR);
        assertThat(FieldAccess.requiredRole("Query", "auditLog")).isEqualTo(Role.EDITOR);
        assertThat(FieldAccess.requiredRole("Query", "traffic")).isEqualTo(Role.VIEWER);
        assertThat(FieldAccess.requiredRole("Query", "__schema")).isEqualTo(Role.VIEWER);
        assertThat(FieldAccess.EDITOR_ONLY).containsExactly("Query.auditLog");
    }

    @Test
    void a_token_is_matched_to_its_own_configured_name_and_role_among_several() {
        List<String> tokens = List.of(NewTokenCommand.mint(RANDOM), NewTokenCommand.mint(RANDOM),
                NewTokenCommand.mint(RANDOM));
        ApiTokens configured = new ApiTokens(List.of(
                new TrafficlensProperties.Token("grafana", ApiTokens.sha256Hex(tokens.get(0)), "viewer"),
                new TrafficlensProperties.Token("ci", ApiTokens.sha256Hex(tokens.get(1)).toUpperCase(), "EDITOR"),
                new TrafficlensProperties.Token("noc", ApiTokens.sha256Hex(tokens.get(2)), "VIEWER")));

        assertThat(configured.match(tokens.get(0))).hasValue(new Caller("grafana", Role.VIEWER));
        assertThat(configured.match(tokens.get(1))).hasValue(new Caller("ci", Role.EDITOR));
        assertThat(configured.match(tokens.get(2))).hasValue(new Caller("noc", Role.VIEWER));
        assertThat(configured.match(tokens.get(1) + "x")).isEmpty();
        assertThat(configured.match(ApiTokens.sha256Hex(tokens.get(0)))).as("the hash is no token").isEmpty();
        assertThat(configured.toString()).isEqualTo("ApiTokens[grafana, ci, noc]");
    }

    @Test
    void a_known_sha256_test_vector_and_minted_tokens_shape() {
        assertThat(ApiTokens.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(NewTokenCommand.mint(RANDOM)).matches("tl_[A-Za-z0-9_-]{43}");
    }

    @Test
    void an_editor_is_a_viewer_too_and_the_highest_role_named_counts() {
        assertThat(Role.EDITOR.allows(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.allows(Role.EDITOR)).isFalse();
        assertThat(Role.EDITOR.authorities()).extracting(Object::toString)
                .containsExactly("ROLE_VIEWER", "ROLE_EDITOR");
        assertThat(Role.highest(List.of("auditor", "viewer", "Editor"))).hasValue(Role.EDITOR);
        assertThat(Role.highest(List.of("auditor"))).isEmpty();
        assertThat(new Caller("ci", Role.EDITOR).toString()).isEqualTo("Caller[ci, EDITOR]");
    }

    @Test
    void a_jwts_role_claim_may_be_a_list_a_string_or_nested() {
        JwtRoles roles = new JwtRoles("roles");
        JwtRoles keycloak = new JwtRoles("realm_access.roles");

        assertThat(roles.role(jwt(Map.of("roles", List.of("viewer", "offline_access"))))).hasValue(Role.VIEWER);
        assertThat(roles.role(jwt(Map.of("roles", "VIEWER,EDITOR")))).hasValue(Role.EDITOR);
        assertThat(roles.role(jwt(Map.of("groups", List.of("EDITOR"))))).isEmpty();
        assertThat(keycloak.role(jwt(Map.of("realm_access", Map.of("roles", List.of("EDITOR"))))))
                .hasValue(Role.EDITOR);
        assertThat(roles.convert(jwt(Map.of("roles", List.of("EDITOR")))).getName()).isEqualTo("alice");
        assertThat(Role.of(roles.convert(jwt(Map.of("roles", List.of("nothing")))))).isEqualTo(Optional.empty());
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return jwt.build();
    }

    @Test
    void the_caller_of_a_graphql_request_is_named_by_its_authentication_or_the_policy() {
        GraphQLContext request = GraphQLContext.newContext().build();
        FieldAccess sandbox = new FieldAccess(Optional.of(new Caller(Caller.SANDBOX, Role.EDITOR)));

        assertThat(sandbox.callerName(request)).hasValue("sandbox");
        assertThat(new FieldAccess(Optional.empty()).callerName(request)).isEmpty();
        request.put(FieldAccess.CALLER, new Caller("ci", Role.VIEWER));
        assertThat(sandbox.callerName(request)).hasValue("ci");
    }
}
