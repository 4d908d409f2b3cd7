package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.graphql.config.TrafficlensProperties;
import dev.trafficlens.graphql.generated.client.TrafficProjectionRoot;
import dev.trafficlens.sandbox.FaultRule;
import graphql.ExecutionResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.env.MockEnvironment;

/** {@code trafficlens.sandbox.faults} makes the in-process sandbox misbehave, for demos and load runs. */
@SpringBootTest(properties = "trafficlens.sandbox.faults=SERVER_ERROR@broken-.*,NONE:50@slow-.*")
class SandboxFaultsTest {

    @Autowired
    DgsQueryExecutor dgs;

    @Test
    void a_configured_fault_fails_only_the_links_it_matches() {
        ExecutionResult result = dgs.execute(TrafficQueries.traffic(List.of(
                        TrafficQueries.privateConnectQuery("broken-1"), TrafficQueries.privateConnectQuery("slow-1")),
                new TrafficProjectionRoot<>().source()));

        List<Object> traffic = result.<Map<String, List<Object>>>getData().get("traffic");
        assertThat(traffic.get(0)).isNull();
        assertThat(traffic.get(1)).isNotNull();
        assertThat(result.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "VENDOR_UNAVAILABLE"));
    }

    @Test
    void rules_are_read_in_the_sandbox_command_line_syntax() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("trafficlens.sandbox.faults[0]", "TIMEOUT@pc-.*")
                .withProperty("trafficlens.sandbox.faults[1]", "throttled:250@.*");

        List<FaultRule> rules = TrafficlensProperties.bind(environment).sandbox().faultRules();

        assertThat(rules).extracting(FaultRule::kind).containsExactly(FaultRule.Kind.TIMEOUT, FaultRule.Kind.THROTTLED);
        assertThat(rules.get(1).latency()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void a_wrong_rule_names_the_key_and_the_expected_form() {
        MockEnvironment environment = new MockEnvironment().withProperty("trafficlens.sandbox.faults", "EXPLODE@.*");

        assertThatThrownBy(() -> TrafficlensProperties.bind(environment)).rootCause()
                .hasMessageStartingWith("trafficlens.sandbox.faults[0]: expected KIND[:LATENCY_MS]@REGEX")
                .hasMessageContaining("SERVER_ERROR")
                .hasMessageEndingWith("got 'EXPLODE@.*'");
    }
}
