package dev.trafficlens.graphql.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A caller known by name with a role: the holder of an API token (named as configured), or, where no token is needed,
 * {@link #ANONYMOUS} or {@link #SANDBOX}. Its name is what {@code HttpServletRequest.getUserPrincipal()} gives, and
 * what the audit log records. It holds no credential: the token was checked and dropped.
 */
public final class Caller extends AbstractAuthenticationToken {

    /** The name of a caller without a token when {@code trafficlens.security.anonymous-role} lets it in. */
    public static final String ANONYMOUS = "anonymous";
    /** The name of a caller without a token on the sandbox, where no token is configured. */
    public static final String SANDBOX = "sandbox";

    private final String name;
    private final Role role;

    public Caller(String name, Role role) {
        super(role.authorities());
        this.name = name;
        this.role = role;
        setAuthenticated(true);
    }

    public Role role() {
        return role;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Caller caller && caller.name.equals(name) && caller.role == role;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + role.hashCode();
    }

    @Override
    public String toString() {
        return "Caller[" + name + ", " + role + "]";
    }
}
