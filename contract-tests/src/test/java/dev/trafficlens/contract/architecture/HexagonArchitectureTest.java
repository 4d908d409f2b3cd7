package dev.trafficlens.contract.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class HexagonArchitectureTest {

    private static final String GRAPHQL = "dev.trafficlens.graphql";
    private static final String ADAPTERS = "dev.trafficlens.adapters";
    private static final String SANDBOX = "dev.trafficlens.sandbox";
    /** Miniature rings in the test sources that break each rule on purpose, next to classes that keep it. */
    private static final String BROKEN = "dev.trafficlens.archfixture";

    /** Every module's main classes: the test sources of the modules (and these fixtures) are left out. */
    private static final JavaClasses PROJECT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(HexagonArchitecture.PROJECT);
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(BROKEN);

    @Test
    void graphql_api_uses_the_domains_inbound_port_and_only_its_configuration_wires_the_rest() {
        HexagonArchitecture.graphqlUsesTheInboundPort(GRAPHQL).check(PROJECT);
    }

    @Test
    void adapters_use_the_domains_outbound_port_model_and_support_only() {
        HexagonArchitecture.adaptersUseTheOutboundPort(ADAPTERS).check(PROJECT);
    }

    @Test
    void the_sandbox_uses_nothing_of_the_project() {
        HexagonArchitecture.sandboxStandsAlone(SANDBOX).check(PROJECT);
    }

    @Test
    void the_graphql_rule_catches_a_data_fetcher_using_the_service_and_a_decorator_using_an_adapter() {
        assertThatThrownBy(() -> HexagonArchitecture.graphqlUsesTheInboundPort(BROKEN + ".graphql").check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyDataFetcher.service> has type "
                        + "<dev.trafficlens.domain.service.TrafficQueryService>")
                .hasMessageContaining("LeakyDataFetcher.plan(dev.trafficlens.domain.port.in.TrafficQuery)> "
                        + "has return type <dev.trafficlens.domain.port.out.PlannedCall>")
                .hasMessageContaining("BypassingTrafficSource.key> has type <dev.trafficlens.adapters.support.Secret>")
                .hasMessageNotContaining("CleanDataFetcher")
                .hasMessageNotContaining(BROKEN + ".graphql.config.TrafficlensWiring")
                .hasMessageNotContaining(BROKEN + ".graphql.config.Limits")
                .hasMessageNotContaining("CountingTrafficSource")
                .hasMessageNotContaining("BypassingTrafficSource.fetch");
    }

    @Test
    void the_adapter_rule_catches_the_planner_the_inbound_port_and_another_vendors_class() {
        assertThatThrownBy(() -> HexagonArchitecture.adaptersUseTheOutboundPort(BROKEN + ".adapters").check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyTrafficSource.planner> has type "
                        + "<dev.trafficlens.domain.plan.WindowPlanner>")
                .hasMessageContaining("LeakyTrafficSource.answer(dev.trafficlens.domain.port.in.TrafficQuery)> "
                        + "has parameter")
                .hasMessageContaining("LeakyTrafficSource.borrowedSigner> has type <"
                        + BROKEN + ".adapters.acme.AcmeSigner>")
                .hasMessageNotContaining("AcmeTrafficSource")
                .hasMessageNotContaining("FixtureExchange");
    }

    @Test
    void the_sandbox_rule_catches_a_simulator_sharing_the_domains_or_the_adapters_classes() {
        assertThatThrownBy(() -> HexagonArchitecture.sandboxStandsAlone(BROKEN + ".sandbox").check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakySimulator.step> has type <dev.trafficlens.domain.model.Step>")
                .hasMessageContaining("LeakySimulator.key> has type <dev.trafficlens.adapters.support.Secret>")
                .hasMessageNotContaining("FixtureSimulator");
    }
}
