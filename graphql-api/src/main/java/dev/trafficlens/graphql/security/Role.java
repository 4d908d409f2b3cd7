package dev.trafficlens.graphql.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a caller may do: a {@code VIEWER} runs every query, an {@code EDITOR} also every mutation. Declared from the
 * least to the most allowed, so that a higher role is a greater constant.
 */
public enum Role {
    VIEWER,
    EDITOR;

    /** The role as Spring Security's authority, as {@code hasRole} and {@code isUserInRole} look for it. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** This role's authority and those of every role below it: an editor is a viewer too. */
    public List<GrantedAuthority> authorities() {
        return List.of(values()).subList(0, ordinal() + 1).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    public boolean allows(Role required) {
        return compareTo(required) >= 0;
    }

    /** {@code name} in any case, such as {@code viewer}; empty when it is no role. */
    public static Optional<Role> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.name().equals(upper)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The highest role among {@code names}; names that are no role are ignored. */
    public static Optional<Role> highest(Collection<String> names) {
        return names.stream().map(Role::named).flatMap(Optional::stream).max(Role::compareTo);
    }

    /** The highest role {@code authentication} was granted; empty for none (or no authentication). */
    public static Optional<Role> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> named(authority.substring("ROLE_".length())))
                .flatMap(Optional::stream).max(Role::compareTo);
    }
}
