package dev.trafficlens.domain.port.in;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Answers many traffic queries at once, across any mix of sources: the inbound port. Outcome {@code i} answers query
 * {@code i}, with either its series or every reason it has none; one query's failure never touches another's.
 * The returned stage does not complete exceptionally.
 */
public interface QueryTraffic {

    CompletionStage<List<QueryOutcome>> run(List<TrafficQuery> queries);
}
