package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.sandbox.VendorSandbox;
import graphql.ExecutionResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * With the cache off, only the data loader can keep a request from fetching a link twice: {@code traffic} and
 * {@code aggregate} over the same links, a query repeated in the list, and series, billing95 and stats on one result
 * cost what one {@code traffic} field costs alone. The archive is off too: it would answer a repeated window (its
 * settled gaps included) without any vendor call, hiding what the loader shares.
 */
@SpringBootTest(properties = {"trafficlens.cache.enabled=false", "trafficlens.archive.enabled=false"})
class OneFetchPerRequestTest {

    private static final String LINK = """
            {key: "pc", from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: "pc-1"}}}
            {key: "sdwan", from: $from, to: $to, resource: {qingcloudWan: {zone: "pek3", resource: "wacc-1", accessType: "cpe"}}}""";

    @Autowired
    DgsQueryExecutor dgs;

    @Autowired
    VendorSandbox sandbox;

    @Test
    void traffic_and_aggregate_over_the_same_links_fetch_once() {
        long alone = vendorCallsFor("query Q($from: DateTime!, $to: DateTime!) { traffic(queries: [" + LINK + "]) { source } }");

        long both = vendorCallsFor("query Q($from: DateTime!, $to: DateTime!) {"
                + " traffic(queries: [" + LINK + "]) { source billing95 series { stats { count } } }"
                + " aggregate(queries: [" + LINK + "]) { billing95 series { values } } }");

        assertThat(alone).isPositive();
        assertThat(both).isEqualTo(alone);
    }

    @Test
    void a_query_repeated_in_one_request_is_fetched_once() {
        long once = vendorCallsFor("query Q($from: DateTime!, $to: DateTime!) { traffic(queries: [" + LINK + "]) { source } }");

        long twice = vendorCallsFor("query Q($from: DateTime!, $to: DateTime!) {"
                + " a: traffic(queries: [" + LINK + LINK + "]) { source }"
                + " b: traffic(queries: [" + LINK + "]) { billing95 } }");

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void without_the_loader_sharing_the_two_fields_would_cost_twice() {
        long first = vendorCallsFor("query Q($from: DateTime!, $to: DateTime!) { traffic(queries: [" + LINK + "]) { source } }");
        long second = vendorCallsFor("query Q($from: DateTime!, $to: DateTime!) { aggregate(queries: [" + LINK + "]) { billing95 } }");

        // Separate requests share nothing when the cache is off: the baseline the two tests above are measured against.
        assertThat(first + second).isEqualTo(2 * first);
    }

    private long vendorCallsFor(String query) {
        long before = sandbox.calls().total();
        ExecutionResult result = dgs.execute(query, Map.of(
                "from", TrafficQueries.from().toString(), "to", TrafficQueries.to().toString()));
        assertThat(result.getErrors()).isEmpty();
        return sandbox.calls().total() - before;
    }
}
