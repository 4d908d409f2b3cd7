package dev.trafficlens.archfixture.graphql;

import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.service.TrafficQueryService;

/** Breaks the graphql-api rule: a data fetcher that runs the domain service and plans calls itself. */
public class LeakyDataFetcher {

    private TrafficQueryService service;

    public PlannedCall plan(TrafficQuery query) {
        return null;
    }
}
