package dev.trafficlens.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java examples in the READMEs are the code the example tests compile and run: each {@code ```java} block of a
 * README appears, whitespace aside, between a {@code // README: <name>} and a {@code // README: end} line of some
 * test, and each such region appears in some README. A README edited without its test, or a test without its README,
 * fails here. This module builds after every other, so it reads the whole repository.
 */
class ReadmeExamplesTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern JAVA_BLOCK = Pattern.compile("^```java\\R(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern MARKED = Pattern.compile(
            "^\\s*// README: (?!end\\b)\\S+\\R(.*?)^\\s*// README: end\\b", Pattern.MULTILINE | Pattern.DOTALL);

    @Test
    void every_java_example_in_a_readme_is_code_an_example_test_runs() {
        List<String> examples = marked(exampleTests());

        for (Path readme : readmes()) {
            for (String block : matches(JAVA_BLOCK, read(readme))) {
                assertThat(examples).as("the example tests' marked regions, for a block of %s:%n%s",
                        REPOSITORY.relativize(readme), block).contains(normalised(block));
            }
        }
    }

    @Test
    void every_marked_region_of_an_example_test_is_shown_in_a_readme() {
        List<String> shown = new ArrayList<>();
        readmes().forEach(readme -> matches(JAVA_BLOCK, read(readme)).forEach(block -> shown.add(normalised(block))));

        for (Path test : exampleTests()) {
            for (String region : matches(MARKED, read(test))) {
                assertThat(shown).as("the READMEs' Java blocks, for a region of %s:%n%s",
                        REPOSITORY.relativize(test), region).contains(normalised(region));
            }
        }
    }

    @Test
    void the_readmes_and_their_examples_are_found() {
        assertThat(readmes()).extracting(readme -> REPOSITORY.relativize(readme).toString().replace('\\', '/'))
                .contains("README.md", "adapters/qingcloud/README.md", "adapters/tencent-mna/README.md",
                        "adapters/tencent-vpc/README.md", "adapters/zenlayer/README.md");
        assertThat(marked(exampleTests())).hasSizeGreaterThanOrEqualTo(7);
    }

    /**
     * The READMEs whose Java is library use: the repository's and each adapter's. (The sandbox's README sketches a
     * test with an elided middle; it is not library code to copy.)
     */
    private static List<Path> readmes() {
        List<Path> readmes = new ArrayList<>(List.of(REPOSITORY.resolve("README.md")));
        try (Stream<Path> modules = Files.list(REPOSITORY.resolve("adapters"))) {
            modules.map(module -> module.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(readmes::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return readmes;
    }

    /** The test sources holding a region marked as a README example. */
    private static List<Path> exampleTests() {
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            return files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().replace('\\', '/').contains("/src/test/java/"))
                    .filter(ReadmeExamplesTest::isSource)
                    .filter(path -> !MARKED.matcher(read(path)).results().findAny().isEmpty())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSource(Path path) {
        Path relative = REPOSITORY.relativize(path);
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.startsWith(".") || name.equals("node_modules")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> marked(List<Path> tests) {
        List<String> regions = new ArrayList<>();
        tests.forEach(test -> matches(MARKED, read(test)).forEach(region -> regions.add(normalised(region))));
        return regions;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Indentation and line breaks differ between a README and a test method; nothing else may. */
    private static String normalised(String code) {
        return code.strip().replaceAll("\\s+", " ");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
