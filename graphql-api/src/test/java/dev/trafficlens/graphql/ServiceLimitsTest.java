package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import graphql.ExecutionResult;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The limits protecting the service and the vendors' quotas are configurable and refuse with a clear error. */
@SpringBootTest(properties = {
        "trafficlens.limits.max-queries-per-request=2",
        "trafficlens.limits.max-calls-per-request=3"})
@SuppressWarnings("unchecked")
class ServiceLimitsTest {

    private static String link(int i) {
        return "{from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: \"pc-" + i + "\"}}}";
    }

    @Autowired
    DgsQueryExecutor dgs;

    /** {@code queries} different links. */
    private ExecutionResult run(int queries) {
        return runList(IntStream.rangeClosed(1, queries).mapToObj(ServiceLimitsTest::link)
                .collect(Collectors.joining(" ")));
    }

    private ExecutionResult runList(String list) {
        return dgs.execute("query Q($from: DateTime!, $to: DateTime!) { traffic(queries: [" + list + "]) { source } }",
                TrafficQueries.window());
    }

    @Test
    void more_queries_than_allowed_are_refused_each_at_its_path() {
        ExecutionResult result = run(3);

        List<Object> traffic = (List<Object>) ((Map<String, Object>) result.getData()).get("traffic");
        assertThat(traffic).containsExactly(null, null, null);
        assertThat(result.getErrors()).hasSize(3).allSatisfy(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "INVALID_QUERY");
            assertThat(error.getMessage()).contains("at most 2 queries");
        });
        assertThat(result.getErrors().get(2).getPath()).containsExactly("traffic", 2);
    }

    @Test
    void more_vendor_calls_than_allowed_are_refused() {
        // Two one-day calls per query: two queries need four calls, one more than allowed.
        ExecutionResult result = run(2);

        assertThat(result.getErrors()).hasSize(2)
                .allSatisfy(error -> assertThat(error.getMessage()).contains("needs 4 vendor calls", "at most 3"));
    }

    @Test
    void the_same_query_repeated_counts_once() {
        ExecutionResult result = runList(String.join(" ", Collections.nCopies(3, link(1))));

        assertThat(result.getErrors()).isEmpty();
        assertThat((List<Object>) ((Map<String, Object>) result.getData()).get("traffic")).hasSize(3);
    }

    @Test
    void a_request_within_the_limits_is_answered() {
        ExecutionResult result = run(1);

        assertThat(result.getErrors()).isEmpty();
    }
}
