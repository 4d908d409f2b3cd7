package dev.trafficlens.graphql.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.QueryTraffic;
import dev.trafficlens.domain.port.in.TrafficQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/**
 * Every traffic query of one GraphQL request, answered by one run of the inbound port: {@code traffic} and
 * {@code aggregate} asking about the same links share one fetch, and a query repeated in a request runs once. The
 * request's limits (queries, planned calls) therefore apply to the distinct queries of the whole request.
 */
@DgsDataLoader(name = TrafficOutcomes.NAME)
public class TrafficOutcomes implements MappedBatchLoader<TrafficQuery, QueryOutcome> {

    public static final String NAME = "trafficOutcomes";

    private final QueryTraffic traffic;

    public TrafficOutcomes(QueryTraffic traffic) {
        this.traffic = traffic;
    }

    @Override
    public CompletionStage<Map<TrafficQuery, QueryOutcome>> load(Set<TrafficQuery> queries) {
        List<TrafficQuery> ordered = List.copyOf(queries);
        return traffic.run(ordered).thenApply(outcomes -> {
            Map<TrafficQuery, QueryOutcome> byQuery = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                byQuery.put(ordered.get(i), outcomes.get(i));
            }
            return byQuery;
        });
    }
}
