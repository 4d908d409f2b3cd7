package dev.trafficlens.graphql.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of access control, each a short JSON object saying what to do, never an exception's text or a stack
 * trace: HTTP 401 (no token, or one not accepted), 403 (a role too low for the whole endpoint), 429 (an address that
 * failed too often). A 401 for a presented credential counts as a failed attempt ({@link FailedAttempts}).
 */
final class SecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String HOW = "Send Authorization: Bearer <token>, with an API token of"
            + " trafficlens.security.tokens (java -jar trafficlens-graphql-api-…-exec.jar"
            + " --trafficlens.security.new-token=NAME makes one) or a JWT of the configured identity provider;"
            + " see docs/security.md";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FailedAttempts attempts;

    SecurityResponses(FailedAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        if (presented && attempts.failed(request.getRemoteAddr())) {
            tooManyFailures(response, attempts.blockedFor(request.getRemoteAddr()).orElse(attempts.window()));
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented
                ? "Bearer realm=\"trafficlens\", error=\"invalid_token\"" : "Bearer realm=\"trafficlens\"");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", presented
                ? "The credentials sent were not accepted (an unknown token, or a JWT expired, not yet valid or not"
                        + " signed by the configured issuer). " + HOW + "."
                : "This endpoint needs a token. " + HOW + ".", Map.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Optional<Role> role = Role.of(SecurityContextHolder.getContext().getAuthentication());
        write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", role
                .map(has -> "This endpoint needs a higher role than " + has + ".")
                .orElse("The credentials were accepted but grant no trafficlens role (VIEWER or EDITOR); with a JWT,"
                        + " check the claim named by trafficlens.security.jwt.role-claim.")
                + " See docs/security.md.", Map.of());
    }

    /** Refuses every request from an address while it is blocked, before its credentials are looked at. */
    OncePerRequestFilter blockedAddresses() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Optional<Duration> blocked = attempts.blockedFor(request.getRemoteAddr());
                if (blocked.isPresent()) {
                    tooManyFailures(response, blocked.get());
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    private void tooManyFailures(HttpServletResponse response, Duration blocked) throws IOException {
        long seconds = Math.max(1, (blocked.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(response, 429, "too_many_failed_attempts", "More than " + attempts.limit() + " failed"
                + " authentications came from your address within " + attempts.window().toSeconds() + " seconds:"
                + " every request from it is refused for " + seconds + " more seconds.",
                Map.of("retryAfterSeconds", seconds));
    }

    private static void write(HttpServletResponse response, int status, String error, String message,
                              Map<String, Object> more) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        body.putAll(more);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
