package dev.trafficlens.domain.port.in;

/**
 * Where a result's samples came from, counted in slots of the window at the fetch step (the vendor-native step the
 * result was assembled at, before resampling; 5 minutes whenever the archive was consulted). Every slot counts once:
 * <ul>
 *   <li>{@code archived}: the slot has a value and every value in it came from the sample archive;</li>
 *   <li>{@code fetched}: at least one value in the slot came from a vendor call of this query (a vendor's answer wins
 *       over an archived sample of the same slot, since it may be a late revision);</li>
 *   <li>{@code missing}: no fetched metric has a value in the slot (past retention and not archived, in the future,
 *       or a gap the vendor reported).</li>
 * </ul>
 * Without an archive every slot with a value is {@code fetched}.
 */
public record Provenance(int archived, int fetched, int missing) {

    public Provenance {
        if (archived < 0 || fetched < 0 || missing < 0) {
            throw new IllegalArgumentException("provenance: expected counts of at least 0, got archived " + archived
                    + ", fetched " + fetched + ", missing " + missing);
        }
    }

    /** How many slots were counted: the window's length at the fetch step. */
    public int slots() {
        return archived + fetched + missing;
    }
}
