package dev.trafficlens.domain.model;

/** Why a query produced no data; the same names reach GraphQL clients as error codes. */
public enum ErrorKind {
    /** The query itself is wrong: a field is missing, malformed or outside what the source allows. */
    INVALID_QUERY,
    /** The vendor does not know the resource. */
    NOT_FOUND,
    /** The window reaches further back than the vendor keeps data. */
    OUT_OF_RETENTION,
    /** The vendor, or our own limit on its behalf, refused the call for now. */
    RATE_LIMITED,
    /** The vendor rejected the credentials or the signature. */
    UNAUTHENTICATED,
    /** The vendor could not be reached or answered with a server error, after retries. */
    VENDOR_UNAVAILABLE,
    /** The vendor answered with an error of its own; its code is kept. */
    VENDOR_ERROR,
    /** The vendor answered, but not in a shape we can read. */
    MALFORMED_RESPONSE;

    /**
     * Whether one call failing so tells that the others would too, so that the service sends no more of them: an
     * unknown resource stays unknown ({@code NOT_FOUND}: that resource's calls) and a refused key stays refused
     * ({@code UNAUTHENTICATED}: that source's calls).
     */
    public boolean cancelsOtherCalls() {
        return this == NOT_FOUND || this == UNAUTHENTICATED;
    }
}
