package dev.trafficlens.graphql.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A JWT's caller: named by its {@code sub}, with the highest role found in the claim
 * {@code trafficlens.security.jwt.role-claim} (a string, several separated by spaces or commas, or a list; a dotted
 * name reads a nested object, as Keycloak's {@code realm_access.roles}). A JWT with no known role is authenticated
 * with none, and is refused with HTTP 403.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String roleClaim;

    JwtRoles(String roleClaim) {
        this.roleClaim = roleClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = role(jwt).map(Role::authorities).orElse(List.of());
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject() == null ? "jwt" : jwt.getSubject());
    }

    Optional<Role> role(Jwt jwt) {
        Object claim = jwt.getClaims();
        for (String part : roleClaim.split("\\.")) {
            claim = claim instanceof Map<?, ?> object ? object.get(part) : null;
        }
        List<String> names = new ArrayList<>();
        if (claim instanceof String text) {
            names.addAll(List.of(text.split("[\\s,]+")));
        } else if (claim instanceof Collection<?> list) {
            list.forEach(item -> names.add(String.valueOf(item)));
        }
        return Role.highest(names);
    }
}
