package dev.trafficlens.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The hexagon's rules for the domain, stated once so that the real code and a deliberately broken fixture are
 * checked by the very same rules. {@code root} is the domain's base package.
 */
final class DomainArchitecture {

    private DomainArchitecture() {
    }

    /** The JDK, Vavr, Apache Commons Statistics/Numbers and the domain itself: no framework, no I/O library. */
    static ArchRule onlyAllowedLibraries(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        root + "..",
                        "java..",
                        "io.vavr..",
                        "org.apache.commons.statistics..",
                        "org.apache.commons.numbers..")
                .because("the domain is a plain library reused without frameworks (docs/architecture.md)");
    }

    /** No package of the domain reaches back into one that reaches it. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    /**
     * Every top-level type in a port package ({@code port.in}, {@code port.out}) is an interface, the capability, or
     * a record, a value crossing the port. Such a record may validate itself and offer views of its own data
     * ({@code TrafficQuery.effectiveMetrics}, {@code TrafficResult.statistics}); what it may not be is a class, enum
     * or abstract base that an adapter or caller could take for the implementation. The one other kind is the
     * unchecked exception a port declares it throws ({@code ArchiveUnavailableException}): a failure crossing the
     * port, which cannot be a record. Nested types are not checked: they are the compiler's (a switch map) or a
     * record's own parts.
     */
    static ArchRule portsHoldInterfacesAndRecords(String root) {
        return classes().that().resideInAPackage(root + ".port..")
                .and().areTopLevelClasses()
                .and(notPackageInfo())
                .should().beInterfaces().orShould(beRecords()).orShould().beAssignableTo(RuntimeException.class)
                .because("a port is a capability the hexagon offers or needs, not an implementation");
    }

    private static DescribedPredicate<JavaClass> notPackageInfo() {
        return DescribedPredicate.describe("are not package-info",
                javaClass -> !javaClass.getSimpleName().equals("package-info"));
    }

    private static ArchCondition<JavaClass> beRecords() {
        return new ArchCondition<>("be records") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (!javaClass.isRecord()) {
                    events.add(SimpleConditionEvent.violated(
                            javaClass, javaClass.getName() + " is neither an interface nor a record"));
                }
            }
        };
    }
}
