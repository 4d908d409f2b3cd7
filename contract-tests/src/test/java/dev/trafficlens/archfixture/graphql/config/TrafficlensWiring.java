package dev.trafficlens.archfixture.graphql;

import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.sandbox.VendorSandbox;

/** Keeps the graphql-api rule: named as configuration, it may assemble the hexagon. */
public class TrafficlensWiring {

    private TrafficQueryService service;
    private RetryPolicy retries = RetryPolicy.DEFAULT;
    private VendorSandbox sandbox;
}
