package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * JWTs of an identity provider, played by the test: it makes an RSA key pair, hands the service the public key
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}, no network) and signs its own tokens. The
 * caller is the JWT's subject with the highest role of its {@code roles} claim; API tokens work alongside.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WhoAmI.class)
class JwtAccessTest {

    private static final KeyPair ISSUER = rsaKeys();
    private static final KeyPair STRANGER = rsaKeys();
    private static final TestTokens TOKENS = TestTokens.mint();
    private static final String SOURCES = "{ sources { id } }";

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) throws IOException {
        Path key = Files.createTempFile("trafficlens-jwt-", ".pub");
        key.toFile().deleteOnExit();
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> key.toUri().toString());
        TOKENS.register(registry);
    }

    @RegisterExtension
    final NoSecretInTheLogs logs = TOKENS.watchedBy(new NoSecretInTheLogs());

    private final ServiceClient service;

    JwtAccessTest(@LocalServerPort int port) {
        this.service = new ServiceClient(port);
    }

    @Test
    void a_viewers_jwt_queries_is_known_by_its_subject_and_may_not_mutate() throws Exception {
        ServiceClient alice = service.withToken(jwt(ISSUER, "alice", List.of("viewer"), Duration.ofMinutes(5)));

        assertThat(alice.post(SOURCES, Map.of()).statusCode()).isEqualTo(200);
        assertThat(alice.get(WhoAmI.PATH).body()).isEqualTo("alice");
        HttpResponse<String> added = alice.post(AccessControlOverHttpTest.ADD,
                LinksApiTest.linkInput("alice's", "pc-alice", List.of()));
        assertThat(JsonPath.<List<String>>read(added.body(), "$.errors[*].extensions.code"))
                .containsExactly("FORBIDDEN");
        assertThat(alice.get("/actuator/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void an_editors_jwt_mutates_its_role_claim_a_string_and_the_highest_role_counting() throws Exception {
        ServiceClient bob = service.withToken(jwt(ISSUER, "bob", "VIEWER EDITOR", Duration.ofMinutes(5)));

        HttpResponse<String> added = bob.post(AccessControlOverHttpTest.ADD,
                LinksApiTest.linkInput("bob's", "pc-bob", List.of()));

        assertThat(JsonPath.<List<Object>>read(added.body(), "$..errors")).isEmpty();
        assertThat(JsonPath.<String>read(added.body(), "$.data.addLink.name")).isEqualTo("bob's");
        assertThat(bob.get(WhoAmI.PATH).body()).isEqualTo("bob");
    }

    @Test
    void an_expired_jwt_is_refused_with_401() throws Exception {
        HttpResponse<String> response = service.withToken(jwt(ISSUER, "carol", List.of("EDITOR"),
                Duration.ofMinutes(-10))).post(SOURCES, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("invalid_token"));
        assertThat(JsonPath.<String>read(response.body(), "$.error")).isEqualTo("unauthorized");
    }

    @Test
    void a_jwt_signed_by_another_key_is_refused_with_401() throws Exception {
        HttpResponse<String> response = service.withToken(jwt(STRANGER, "mallory", List.of("EDITOR"),
                Duration.ofMinutes(5))).post(SOURCES, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_valid_jwt_without_a_known_role_is_refused_with_403() throws Exception {
        ServiceClient dave = service.withToken(jwt(ISSUER, "dave", List.of("auditor"), Duration.ofMinutes(5)));

        for (String path : List.of("/graphql", "/actuator/metrics")) {
            HttpResponse<String> response = path.equals("/graphql") ? dave.post(SOURCES, Map.of()) : dave.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(JsonPath.<String>read(response.body(), "$.error")).as(path).isEqualTo("forbidden");
            assertThat(JsonPath.<String>read(response.body(), "$.message")).as(path)
                    .contains("trafficlens.security.jwt.role-claim");
        }
    }

    @Test
    void api_tokens_work_alongside_jwts() throws Exception {
        ServiceClient viewer = service.withToken(TOKENS.viewer);

        assertThat(viewer.post(SOURCES, Map.of()).statusCode()).isEqualTo(200);
        assertThat(viewer.get(WhoAmI.PATH).body()).isEqualTo(TestTokens.VIEWER_NAME);
    }

    /** A JWT of {@code subject} with {@code roles}, expiring {@code expiresIn} from now (in the past if negative). */
    private static String jwt(KeyPair key, String subject, Object roles, Duration expiresIn) throws JOSEException {
        Instant now = Instant.now();
        Instant expires = now.plus(expiresIn);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                .issueTime(Date.from(expires.isBefore(now) ? expires.minus(Duration.ofMinutes(5)) : now))
                .expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
