package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.graphql.generated.client.TrafficProjectionRoot;
import dev.trafficlens.sandbox.VendorSandbox;
import graphql.ExecutionResult;
import java.util.List;
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
        String fiveSources = TrafficQueries.fiveSourcesRequest();
        ExecutionResult first = dgs.execute(fiveSources);
        long callsAfterFirst = sandbox.calls().total();

        ExecutionResult second = dgs.execute(fiveSources);

        assertThat(first.getErrors()).isEmpty();
        assertThat(callsAfterFirst).isPositive();
        assertThat(sandbox.calls().total()).isEqualTo(callsAfterFirst);
        assertThat(second.<Object>getData()).isEqualTo(first.getData());
        assertThat(second.toSpecification()).as("the whole answer, errors and extensions too")
                .isEqualTo(first.toSpecification());
    }

    @Test
    void a_failure_is_not_kept() {
        String missing = TrafficQueries.traffic(List.of(TrafficQueries.privateConnectQuery("missing-x")),
                new TrafficProjectionRoot<>().source());
        dgs.execute(missing);
        long callsAfterFirst = sandbox.calls().total();

        ExecutionResult second = dgs.execute(missing);

        assertThat(second.getErrors()).isNotEmpty();
        assertThat(sandbox.calls().total()).isGreaterThan(callsAfterFirst);
    }
}
