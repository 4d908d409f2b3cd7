package dev.trafficlens.graphql.security;

import dev.trafficlens.graphql.config.InvalidSettingException;
import dev.trafficlens.graphql.config.TrafficlensProperties;
import dev.trafficlens.graphql.config.VendorMode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what over HTTP (docs/security.md). Bearer tokens only: an API token of
 * {@code trafficlens.security.tokens} (tried first, by its hash) or, when
 * {@code spring.security.oauth2.resourceserver.jwt.*} is configured, a JWT of that issuer. {@code /graphql},
 * {@code /actuator/metrics} and {@code /actuator/prometheus} need a {@link Role#VIEWER} at least (what a viewer may
 * not run inside GraphQL, {@link FieldAccess} decides); the health probes, GraphiQL's page and its assets need nothing,
 * and health shows its details to viewers only.
 *
 * <p>A request without a token is refused, unless the {@link Policy} names a caller for it: the anonymous role when
 * {@code trafficlens.security.anonymous-role} is set, or an editor called {@code sandbox} on the vendor sandbox when no
 * token or issuer is configured. With live vendor keys and none of the three, the service refuses to start.
 */
@Configuration(proxyBeanMethods = false)
public class AccessControl {

    private static final Logger log = LoggerFactory.getLogger(AccessControl.class);

    /** Who a request without a token is; empty when it is refused. */
    public record Policy(Optional<Caller> withoutToken) {
    }

    @Bean
    Policy accessPolicy(TrafficlensProperties properties, VendorMode mode, ObjectProvider<JwtDecoder> jwt) {
        TrafficlensProperties.Security security = properties.security();
        Optional<Role> anonymous = security.anonymous();
        if (anonymous.isPresent()) {
            log.warn("trafficlens.security.anonymous-role={}: anyone who can reach this service {} without a token."
                            + " Configure tokens (trafficlens.security.tokens) or a JWT issuer and remove this setting"
                            + " unless that is intended.", anonymous.get(),
                    anonymous.get() == Role.EDITOR ? "reads all traffic and changes links" : "reads all traffic");
            return new Policy(Optional.of(new Caller(Caller.ANONYMOUS, anonymous.get())));
        }
        if (!security.tokens().isEmpty() || jwt.getIfAvailable() != null) {
            log.info("Access control: {} API token(s){}; a request without a token is refused with HTTP 401",
                    security.tokens().size(), jwt.getIfAvailable() != null ? " and JWTs of the configured issuer" : "");
            return new Policy(Optional.empty());
        }
        if (!mode.liveKeys().isEmpty()) {
            throw new InvalidSettingException("Live vendor keys are set (" + String.join(", ", mode.liveKeys())
                    + ") but no authentication is configured, so anyone who reaches the service could read all"
                    + " traffic and spend the vendor quota. Configure API tokens (trafficlens.security.tokens[0].name,"
                    + " trafficlens.security.tokens[0].sha256 and trafficlens.security.tokens[0].role; java -jar"
                    + " trafficlens-graphql-api-…-exec.jar --trafficlens.security.new-token=NAME prints them), or a JWT"
                    + " issuer (spring.security.oauth2.resourceserver.jwt.issuer-uri), or, to allow access without a"
                    + " token on purpose, trafficlens.security.anonymous-role=VIEWER. See docs/security.md.");
        }
        return new Policy(Optional.of(new Caller(mode.sandbox() ? Caller.SANDBOX : Caller.ANONYMOUS, Role.EDITOR)));
    }

    @Bean
    FailedAttempts failedAttempts(TrafficlensProperties properties, Clock clock) {
        return new FailedAttempts(properties.security().failedAttempts(), clock);
    }

    @Bean
    SecurityFilterChain accessControlFilterChain(
            HttpSecurity http, TrafficlensProperties properties, Policy policy, FailedAttempts attempts,
            ObjectProvider<JwtDecoder> jwt) throws Exception {
        SecurityResponses responses = new SecurityResponses(attempts);
        AuthenticationManager bearerTokens = bearerTokens(new ApiTokens(properties.security().tokens()),
                jwt.getIfAvailable(), properties.security().jwt().roleClaim());
        http
                // Bearer tokens only: no cookie or session carries credentials, so a cross-site request cannot borrow
                // them, and CSRF protection would only refuse legitimate API clients.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // The caller without a token is the policy's (a named principal, not Spring's anonymous one).
                .anonymous(AbstractHttpConfigurer::disable)
                .cors(cors -> cors.configurationSource(cors(properties.security().allowedOrigins())))
                .oauth2ResourceServer(bearer -> bearer.authenticationManagerResolver(request -> bearerTokens)
                        .authenticationEntryPoint(responses).accessDeniedHandler(responses))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(responses)
                        .accessDeniedHandler(responses))
                .addFilterBefore(responses.blockedAddresses(), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(withoutToken(policy), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // Kubernetes probes call without a token; health shows its details to viewers only.
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // GraphiQL's page asks for the token itself; /graphql then needs it.
                        .requestMatchers("/graphiql", "/graphiql/", "/webjars/**", "/favicon.svg", "/error").permitAll()
                        .anyRequest().hasRole(Role.VIEWER.name()));
        return http.build();
    }

    /** The API tokens first, by hash; then, if an issuer is configured, the token as a JWT. */
    private static AuthenticationManager bearerTokens(ApiTokens tokens, JwtDecoder jwt, String roleClaim) {
        JwtAuthenticationProvider jwts = null;
        if (jwt != null) {
            jwts = new JwtAuthenticationProvider(jwt);
            jwts.setJwtAuthenticationConverter(new JwtRoles(roleClaim));
        }
        JwtAuthenticationProvider jwtProvider = jwts;
        return authentication -> {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            Optional<Caller> caller = tokens.match(token);
            if (caller.isPresent()) {
                return caller.get();
            }
            if (jwtProvider != null) {
                return jwtProvider.authenticate(authentication);
            }
            throw new InvalidBearerTokenException("not a configured API token");
        };
    }

    /** Gives a request that came without a token the policy's caller, if it has one. */
    private static OncePerRequestFilter withoutToken(Policy policy) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (SecurityContextHolder.getContext().getAuthentication() == null
                        && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                        && policy.withoutToken().isPresent()) {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(policy.withoutToken().get());
                    SecurityContextHolder.setContext(context);
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** No cross-origin access unless origins are listed: then those, with the methods and headers the API needs. */
    private static CorsConfigurationSource cors(List<String> allowedOrigins) {
        if (allowedOrigins.isEmpty()) {
            return request -> null;
        }
        CorsConfiguration allowed = new CorsConfiguration();
        allowed.setAllowedOrigins(allowedOrigins.stream().map(String::trim).toList());
        allowed.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        allowed.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
        allowed.setMaxAge(Duration.ofHours(1));
        return request -> allowed;
    }

    /**
     * Hands the caller to {@link FieldAccess} through the GraphQL context: fields may run on other threads than the
     * request's, where Spring Security's context holder would be empty.
     */
    @Bean
    WebGraphQlInterceptor callerIntoGraphqlContext() {
        return (request, chain) -> {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (caller != null) {
                request.configureExecutionInput((input, builder) ->
                        builder.graphQLContext(Map.of(FieldAccess.CALLER, caller)).build());
            }
            return chain.next(request);
        };
    }

    /** First among the instrumentations, so that the audit's wrapper (ordered last) sees its refusals. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    FieldAccess fieldAccess(Policy policy) {
        return new FieldAccess(policy.withoutToken());
    }
}
