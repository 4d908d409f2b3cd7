package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceFailure;
import dev.trafficlens.domain.model.TrafficError;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.in.QueryOutcome;
import dev.trafficlens.domain.port.in.QueryTraffic;
import dev.trafficlens.domain.port.in.TrafficQuery;
import dev.trafficlens.graphql.generated.client.AggregateGraphQLQuery;
import dev.trafficlens.graphql.generated.client.AggregateProjectionRoot;
import dev.trafficlens.graphql.generated.client.TrafficProjectionRoot;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Each {@code extensions.code} through DGS's whole pipeline (whose instrumentation rewrites untyped errors) comes with
 * the DGS {@code errorType} that agrees with it. The inbound port is a stub failing each query with the error kind
 * named by its private connect id.
 */
@SpringBootTest
class ErrorTypesTest {

    /** What a GraphQL client reads in {@code extensions.errorType} for each code. */
    private static final Map<ErrorKind, String> ERROR_TYPES = new EnumMap<>(Map.of(
            ErrorKind.NOT_FOUND, "NOT_FOUND",
            ErrorKind.UNAUTHENTICATED, "UNAUTHENTICATED",
            ErrorKind.INVALID_QUERY, "BAD_REQUEST",
            ErrorKind.OUT_OF_RETENTION, "BAD_REQUEST",
            ErrorKind.RATE_LIMITED, "UNAVAILABLE",
            ErrorKind.VENDOR_UNAVAILABLE, "UNAVAILABLE",
            ErrorKind.VENDOR_ERROR, "INTERNAL",
            ErrorKind.MALFORMED_RESPONSE, "INTERNAL"));
    private static final int CANCELLED = 22;

    @TestConfiguration
    static class FailingEveryQuery {

        @Bean
        @Primary
        QueryTraffic failingByName() {
            return queries -> CompletableFuture.completedFuture(queries.stream().map(ErrorTypesTest::failure).toList());
        }
    }

    @Autowired
    DgsQueryExecutor dgs;

    @Test
    void every_code_has_its_error_type() {
        assertThat(ERROR_TYPES).containsOnlyKeys(ErrorKind.values());
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void the_error_type_agrees_with_the_code(ErrorKind kind) {
        ExecutionResult result = dgs.execute(TrafficQueries.traffic(
                List.of(TrafficQueries.privateConnectQuery(kind.name())), new TrafficProjectionRoot<>().source()));

        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getPath()).containsExactly("traffic", 0);
            Map<String, Object> extensions = error.getExtensions();
            assertThat(extensions).containsEntry("code", kind.name()).containsEntry("errorType", ERROR_TYPES.get(kind));
            if (kind.cancelsOtherCalls()) {
                assertThat(extensions).containsEntry("failedCalls", 1).containsEntry("cancelledCalls", CANCELLED);
            } else {
                assertThat(extensions).doesNotContainKey("cancelledCalls");
            }
        });
    }

    @Test
    void an_aggregate_says_so_too_at_the_query_index() {
        ExecutionResult result = dgs.execute(TrafficQueries.request(
                AggregateGraphQLQuery.newRequest().queries(List.of(
                        TrafficQueries.privateConnectQuery("UNAUTHENTICATED"),
                        TrafficQueries.privateConnectQuery("OUT_OF_RETENTION"))).build(),
                new AggregateProjectionRoot<>().billing95()));

        assertThat(result.getErrors()).extracting(GraphQLError::getExtensions).satisfiesExactly(
                unauthenticated -> assertThat(unauthenticated).containsEntry("queryIndex", 0)
                        .containsEntry("errorType", "UNAUTHENTICATED").containsEntry("cancelledCalls", CANCELLED),
                outOfRetention -> assertThat(outOfRetention).containsEntry("queryIndex", 1)
                        .containsEntry("errorType", "BAD_REQUEST").containsEntry("errorDetail", "INVALID_ARGUMENT"));
    }

    private static QueryOutcome failure(TrafficQuery query) {
        ErrorKind kind = ErrorKind.valueOf(((ZenlayerPrivateConnect) query.resource()).privateConnectId());
        TrafficError error = switch (kind) {
            case INVALID_QUERY -> QueryProblem.invalid("step", "expected a step the source serves");
            case OUT_OF_RETENTION -> QueryProblem.outOfRetention("from", "expected a time within 30 days");
            default -> SourceFailure.of(kind, Source.ZENLAYER_PRIVATE_CONNECT, "zenlayer.private-connect: " + kind)
                    .withVendorCode("CODE_OF_" + kind);
        };
        QueryOutcome outcome = QueryOutcome.failure(query, List.of(error));
        return kind.cancelsOtherCalls() ? outcome.withCancelledCalls(CANCELLED) : outcome;
    }
}
