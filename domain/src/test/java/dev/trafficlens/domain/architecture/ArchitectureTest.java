package dev.trafficlens.domain.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String DOMAIN = "dev.trafficlens.domain";
    /** A miniature domain in the test sources that breaks each rule once, on purpose. */
    private static final String BROKEN = "dev.trafficlens.archfixture.domain";

    private final JavaClasses domain = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(DOMAIN);
    private final JavaClasses broken = new ClassFileImporter().importPackages(BROKEN);

    @Test
    void the_domain_uses_only_the_jdk_vavr_and_commons_statistics() {
        DomainArchitecture.onlyAllowedLibraries(DOMAIN).check(domain);
    }

    @Test
    void the_domain_has_no_package_cycles() {
        DomainArchitecture.noPackageCycles(DOMAIN).check(domain);
    }

    @Test
    void the_domains_ports_hold_interfaces_and_records() {
        DomainArchitecture.portsHoldInterfacesAndRecords(DOMAIN).check(domain);
    }

    @Test
    void the_library_rule_catches_a_domain_class_using_another_library() {
        assertThatThrownBy(() -> DomainArchitecture.onlyAllowedLibraries(BROKEN).check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyStatistics")
                .hasMessageContaining("org.apache.commons.math3");
    }

    @Test
    void the_cycle_rule_catches_two_packages_using_each_other() {
        assertThatThrownBy(() -> DomainArchitecture.noPackageCycles(BROKEN).check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void the_port_rule_catches_a_concrete_class_in_a_port_package() {
        assertThatThrownBy(() -> DomainArchitecture.portsHoldInterfacesAndRecords(BROKEN).check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ConcreteTrafficSource is neither an interface nor a record")
                .hasMessageNotContaining("PlannedFetch");
    }
}
