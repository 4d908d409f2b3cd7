package dev.trafficlens.domain.billing;

/** How the links of one bill make one figure. */
public enum LinkCombination {
    /** Sum the links interval by interval, then rank: one commitment shared by the links. */
    AGGREGATE,
    /**
     * Each link's own figure, summed. Usually above {@link #AGGREGATE} (links rarely peak together), but not always:
     * peaks of different links in different slots are each forgiven on their own link and add up in the aggregate.
     */
    PER_LINK
}
