package dev.trafficlens.benchmarks.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

class BenchmarkArchitectureTest {

    /** A benchmark in the test sources that sits in an adapter's package, on purpose. */
    private static final String BROKEN = "dev.trafficlens.adapters.benchfixture";

    /**
     * A benchmark inside an adapter's package can reach its package-private classes, so it would pin them: the
     * adapter could no longer rename or reshape its internals without breaking the benchmarks. Benchmarks measure
     * through what the adapters publish instead.
     */
    static ArchRule benchmarksStayOutOfTheAdapters() {
        return classes().that(declareBenchmarks()).should().resideOutsideOfPackage("dev.trafficlens.adapters..");
    }

    private static DescribedPredicate<JavaClass> declareBenchmarks() {
        return DescribedPredicate.describe("declare JMH benchmarks", type -> type.getAllMethods().stream()
                .anyMatch(method -> method.isAnnotatedWith(Benchmark.class)));
    }

    @Test
    void no_benchmark_lives_in_an_adapters_package() {
        JavaClasses project = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.trafficlens.benchmarks", "dev.trafficlens.adapters");

        benchmarksStayOutOfTheAdapters().check(project);
    }

    @Test
    void the_rule_catches_a_benchmark_in_an_adapters_package() {
        JavaClasses broken = new ClassFileImporter().importPackages(BROKEN);

        assertThatThrownBy(() -> benchmarksStayOutOfTheAdapters().check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("MisplacedParsingBenchmark")
                .hasMessageContaining("dev.trafficlens.adapters");
    }
}
