package dev.trafficlens.archfixture.graphql;

import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.port.in.QueryTraffic;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.domain.stats.StatisticsRequest;

/** Keeps the graphql-api rule: the inbound port, the model and the statistics the results speak. */
public class CleanDataFetcher {

    private QueryTraffic traffic;
    private StatisticsRequest statistics = StatisticsRequest.BILLING;

    public Source source(TrafficQuery query) {
        return query.resource().source();
    }
}
