package dev.trafficlens.graphql;

/** GraphQL's {@code SourceMode}: where a source's answers come from. */
public enum SourceMode {
    /** The built-in vendor sandbox: simulated traffic. */
    SANDBOX,
    /** The vendor's API with the keys the service was given. */
    LIVE,
    /** No keys were given for it. */
    NOT_CONFIGURED
}
