package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.sandbox.VendorSandbox;
import graphql.ExecutionResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A repeated query is answered from the cache: the vendors see no new call. */
@SpringBootTest
class CacheTest {

    @Autowired
    DgsQueryExecutor dgs;

    @Autowired
    VendorSandbox sandbox;

    @Test
    void a_repeated_five_source_query_costs_no_vendor_call() {
        Map<String, Object> window = TrafficQueries.window();
        ExecutionResult first = dgs.execute(TrafficQueries.FIVE_SOURCES, window);
        long callsAfterFirst = sandbox.calls().total();

        ExecutionResult second = dgs.execute(TrafficQueries.FIVE_SOURCES, window);

        assertThat(first.getErrors()).isEmpty();
        assertThat(callsAfterFirst).isPositive();
        assertThat(sandbox.calls().total()).isEqualTo(callsAfterFirst);
        assertThat(second.<Object>getData()).isEqualTo(first.getData());
        assertThat(second.toSpecification()).as("the whole answer, errors and extensions too")
                .isEqualTo(first.toSpecification());
    }

    @Test
    void a_failure_is_not_kept() {
        Map<String, Object> window = TrafficQueries.window();
        String missing = """
                query Q($from: DateTime!, $to: DateTime!) {
                  traffic(queries: [{from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: "missing-x"}}}]) { source }
                }""";
        dgs.execute(missing, window);
        long callsAfterFirst = sandbox.calls().total();

        ExecutionResult second = dgs.execute(missing, window);

        assertThat(second.getErrors()).isNotEmpty();
        assertThat(sandbox.calls().total()).isGreaterThan(callsAfterFirst);
    }
}
