package dev.trafficlens.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The fault rules in force; the first rule matching a request's resource applies. Changeable while running. */
public final class Faults {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    public Faults add(FaultRule rule) {
        rules.add(rule);
        return this;
    }

    public void clear() {
        rules.clear();
    }

    Optional<FaultRule> matching(String resourceId) {
        for (FaultRule rule : rules) {
            Optional<FaultRule> match = rule.matching(resourceId);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }
}
