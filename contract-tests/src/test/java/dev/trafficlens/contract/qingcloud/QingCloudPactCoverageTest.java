package dev.trafficlens.contract.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A test of the verification's filter: no interaction of the adapter's pact is skipped without a stated reason. */
class QingCloudPactCoverageTest {

    private static final Path PACT = Path.of(System.getProperty("pacts.adapters", "../adapters"),
            "qingcloud", "target", "pacts", "trafficlens-qingcloud-iaas.json");

    @Test
    void every_interaction_of_the_pact_is_verified_or_excluded_for_a_stated_reason() {
        JsonNode pact = JsonMapper.builder().build().readTree(PACT.toFile());
        List<String> verified = List.of(QingCloudPactVerificationTest.class.getAnnotation(PactFilter.class).value());

        List<String> states = new ArrayList<>();
        for (JsonNode interaction : pact.get("interactions")) {
            for (JsonNode state : interaction.get("providerStates")) {
                states.add(state.get("name").asString());
            }
        }

        assertThat(states).isNotEmpty().allSatisfy(state ->
                assertThat(verified.contains(state) || QingCloudPactVerificationTest.UNVERIFIABLE.containsKey(state))
                        .as("provider state \"%s\" is neither verified nor excluded with a reason", state).isTrue());
        assertThat(states).containsAll(verified).containsAll(QingCloudPactVerificationTest.UNVERIFIABLE.keySet());
    }
}
