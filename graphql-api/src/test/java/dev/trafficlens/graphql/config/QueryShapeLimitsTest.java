package dev.trafficlens.graphql.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsDefaultPreparsedDocumentProvider;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import graphql.ExecutionResult;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The configured depth and complexity limits hold however the parsed document is cached or the variables change it.
 * That the default limits refuse deep and aliased queries over HTTP, before any vendor is asked, is
 * {@link HostileInputOverHttpTest}'s.
 */
@SpringBootTest(properties = {
        "trafficlens.limits.max-query-depth=3",
        "trafficlens.limits.max-query-complexity=50"})
class QueryShapeLimitsTest {

    @Autowired
    DgsQueryExecutor dgs;

    @Autowired
    PreparsedDocumentProvider preparsedDocuments;

    @Test
    void a_refused_query_stays_refused_when_its_parsed_document_is_cached() {
        String deep = "{ traffic(queries: []) { series { stats { percentiles { p value } } } } }";

        ExecutionResult first = dgs.execute(deep);
        ExecutionResult again = dgs.execute(deep);

        assertThat(first.getErrors()).isNotEmpty();
        assertThat(first.getErrors().get(0).getMessage()).containsIgnoringCase("depth");
        assertThat((Object) first.getData()).isNull();
        assertThat(preparsedDocuments).isInstanceOf(DgsDefaultPreparsedDocumentProvider.class);
        assertThat(again.getErrors()).isNotEmpty();
        assertThat(again.getErrors().get(0).getMessage()).containsIgnoringCase("depth");
    }

    @Test
    void an_operation_that_passed_is_checked_again_when_its_variables_make_it_larger() {
        StringBuilder query = new StringBuilder("query Q($all: Boolean!) { sources { id }");
        for (int i = 0; i < 60; i++) {
            query.append(" s").append(i).append(": sources @include(if: $all) { id }");
        }
        query.append(" }");

        ExecutionResult small = dgs.execute(query.toString(), Map.of("all", false));
        ExecutionResult smallAgain = dgs.execute(query.toString(), Map.of("all", false));
        ExecutionResult large = dgs.execute(query.toString(), Map.of("all", true));

        assertThat(small.getErrors()).isEmpty();
        assertThat(smallAgain.getErrors()).isEmpty();
        assertThat(large.getErrors()).isNotEmpty();
        assertThat(large.getErrors().get(0).getMessage()).containsIgnoringCase("complexity");
        assertThat((Object) large.getData()).isNull();
    }

    @Test
    void a_normal_query_passes() {
        ExecutionResult result = dgs.execute("{ sources { id configured } }");

        assertThat(result.getErrors()).isEmpty();
    }
}
