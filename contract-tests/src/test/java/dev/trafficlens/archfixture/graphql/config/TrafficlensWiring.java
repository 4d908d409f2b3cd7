package dev.trafficlens.archfixture.graphql.config;

import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.sandbox.VendorSandbox;

/** Keeps the graphql-api rule: in the config package, it may assemble the hexagon. */
public class TrafficlensWiring {

    private TrafficQueryService service;
    private RetryPolicy retries = RetryPolicy.DEFAULT;
    private VendorSandbox sandbox;
}
