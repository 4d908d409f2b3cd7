package dev.trafficlens.archfixture.adapters.leaky;

import dev.trafficlens.archfixture.adapters.acme.AcmeSigner;
import dev.trafficlens.domain.plan.WindowPlanner;
import dev.trafficlens.domain.port.in.TrafficQuery;

/** Breaks the adapter rule three times: the domain's planner, its inbound port, and another vendor's signer. */
public class LeakyTrafficSource {

    private WindowPlanner planner;
    private AcmeSigner borrowedSigner;

    public void answer(TrafficQuery query) {
    }
}
