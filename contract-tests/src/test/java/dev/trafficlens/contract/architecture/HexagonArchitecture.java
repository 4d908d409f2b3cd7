package dev.trafficlens.contract.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.function.BiPredicate;

/**
 * The hexagon's rules across modules, stated once so that the real code and a deliberately broken fixture are checked
 * by the very same rules. They live in contract-tests because it is the one module with every other module (but the
 * benchmarks) on its classpath; the domain's own rules stay in the domain module. {@code root} is the base package of
 * the ring being checked; the domain is always the real one. Only the project's own classes are judged here: which
 * libraries a module may use is its pom's business.
 */
final class HexagonArchitecture {

    static final String PROJECT = "dev.trafficlens";
    static final String DOMAIN = PROJECT + ".domain";

    private HexagonArchitecture() {
    }

    /**
     * graphql-api speaks to the domain through the inbound port: of the project it uses its own classes and the
     * domain's {@code port.in}, {@code model}, {@code stats} ({@code TrafficResult.statistics} and
     * {@code billing95} speak {@code stats}) and {@code billing} (the values the bills API speaks: a bill's input,
     * definition and period figures; that package does no I/O), and its {@code decorators} package also
     * {@code port.out}. Its {@code config} package wires the adapters and services (the bills API reaches
     * {@code BillingService} through {@code config.BillBook}) and is exempt.
     */
    static ArchRule graphqlUsesTheInboundPort(String root) {
        return classes().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".config..")
                .should(useOfTheProjectOnly("its own classes, the domain's port.in, model, stats and billing, and port.out in "
                        + "its decorators package", (origin, target) -> in(target, root)
                        || in(target, DOMAIN + ".port.in")
                        || in(target, DOMAIN + ".model")
                        || in(target, DOMAIN + ".stats")
                        || in(target, DOMAIN + ".billing")
                        || in(origin, root + ".decorators") && in(target, DOMAIN + ".port.out")))
                .because("data fetchers talk to the inbound port; only the configuration assembles the hexagon "
                        + "(docs/architecture.md)");
    }

    /**
     * An adapter uses, of the project, the domain's {@code port.out} and {@code model}, the bill values
     * {@code BillStore} speaks ({@code billing}, and {@code stats}, whose {@code BillingRule} a bill names), the
     * adapters' {@code support} and its own vendor package: not the domain's service, planner or inbound port, and no
     * other vendor's classes.
     */
    static ArchRule adaptersUseTheOutboundPort(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(useOfTheProjectOnly("the domain's port.out, model, billing and stats, the adapters' support "
                        + "and their own vendor package", (origin, target) -> in(target, DOMAIN + ".port.out")
                        || in(target, DOMAIN + ".model")
                        || in(target, DOMAIN + ".billing")
                        || in(target, DOMAIN + ".stats")
                        || in(target, root + ".support")
                        || in(target, root) && vendor(origin, root).equals(vendor(target, root))))
                .because("an adapter implements the outbound port and nothing else of the hexagon "
                        + "(docs/architecture.md)");
    }

    /** The sandbox uses nothing of the project outside itself. */
    static ArchRule sandboxStandsAlone(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(useOfTheProjectOnly("its own classes", (origin, target) -> in(target, root)))
                .because("every signature and time format is implemented twice on purpose, so a bug shared with the "
                        + "adapters cannot hide itself (docs/architecture.md)");
    }

    private static ArchCondition<JavaClass> useOfTheProjectOnly(
            String allowed, BiPredicate<JavaClass, JavaClass> isAllowed) {
        return new ArchCondition<>("use, of " + PROJECT + ", only " + allowed) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (in(target, PROJECT) && !isAllowed.test(origin, target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean in(JavaClass javaClass, String packageName) {
        String name = javaClass.getPackageName();
        return name.equals(packageName) || name.startsWith(packageName + ".");
    }

    /** The package right under {@code root} that holds {@code javaClass}: its vendor, or {@code support}. */
    private static String vendor(JavaClass javaClass, String root) {
        String packageName = javaClass.getPackageName();
        String rest = packageName.substring(Math.min(root.length() + 1, packageName.length()));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
