package dev.trafficlens.graphql.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import dev.trafficlens.adapters.support.CircuitBreakerPolicy;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.VendorConfigBuilder;
import dev.trafficlens.domain.service.QuerySettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The typed settings: their defaults are the adapters' and the domain's own, the IDE metadata documents every key the
 * README lists, and a limit below one names its key.
 */
class TrafficlensPropertiesTest {

    private static final TrafficlensProperties UNSET = TrafficlensProperties.bind(new MockEnvironment());

    @Test
    void unset_keys_take_the_defaults_of_the_adapters_and_the_domain() {
        assertThat(UNSET.timeouts().connect()).isEqualTo(VendorConfigBuilder.DEFAULT_CONNECT_TIMEOUT);
        assertThat(UNSET.timeouts().request()).isEqualTo(VendorConfigBuilder.DEFAULT_REQUEST_TIMEOUT);
        assertThat(UNSET.retry().policy()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(UNSET.circuitBreaker().policy()).isEqualTo(CircuitBreakerPolicy.DEFAULT);
        assertThat(UNSET.limits().querySettings(UNSET.sources())).isEqualTo(QuerySettings.DEFAULTS);
        assertThat(UNSET.sandbox().switchedOn()).isEmpty();
        assertThat(UNSET.sandbox().faultRules()).isEmpty();
    }

    @Test
    void an_unset_endpoint_is_the_adapter_configs_default() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("trafficlens.sources.qingcloud.access-key-id", "QYACCESSKEYID")
                .withProperty("trafficlens.sources.qingcloud.secret-access-key", "not-to-be-printed");

        VendorAccount.Keys keys = VendorAccount.QINGCLOUD.liveKeys(TrafficlensProperties.bind(environment).sources())
                .orElseThrow();

        assertThat(keys.endpoint()).isEqualTo("https://api.qingcloud.com");
        assertThat(TrafficlensProperties.bind(environment).toString()).doesNotContain("not-to-be-printed");
    }

    @Test
    void a_request_limit_below_one_names_its_key() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("trafficlens.limits.max-calls-per-request", "0");

        assertThatThrownBy(() -> TrafficlensProperties.bind(environment)).rootCause()
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("trafficlens.limits.max-calls-per-request: expected at least 1, got 0");
    }

    @Test
    void the_ide_metadata_documents_every_key_of_the_readme_with_its_default() throws IOException {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json on the class path").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map<String, Object>> properties = JsonPath.read(metadata, "$.properties[*]");
        Set<String> documented = new TreeSet<>();
        properties.stream()
                .filter(property -> property.get("description") instanceof String description && !description.isBlank())
                .forEach(property -> documented.add((String) property.get("name")));

        Set<String> readmeKeys = readmeKeys(Files.readString(Path.of("README.md")));

        assertThat(readmeKeys).hasSizeGreaterThan(40);
        assertThat(documented).isEqualTo(readmeKeys);
        assertThat(JsonPath.<List<Object>>read(metadata,
                "$.properties[?(@.name == 'trafficlens.limits.max-request-bytes')].defaultValue"))
                .containsExactly(262144);
        assertThat(JsonPath.<List<Object>>read(metadata,
                "$.properties[?(@.name == 'trafficlens.retry.deadline')].defaultValue"))
                .containsExactly("30s");
    }

    /**
     * The keys in the first column of the README's configuration table (key, default, meaning), with {@code `a`, `.b`} and
     * {@code `x.a`, `x.b`} spelled out, and {@code <name>} replaced by each account's name.
     */
    private static Set<String> readmeKeys(String readme) {
        Set<String> keys = new TreeSet<>();
        String header = "| key | default | meaning |";
        assertThat(readme).contains(header);
        String table = readme.substring(readme.indexOf(header)).split("\n\n", 2)[0];
        Pattern row = Pattern.compile("^\\| (`trafficlens\\.[^|]*) \\|", Pattern.MULTILINE);
        Matcher rows = row.matcher(table);
        while (rows.find()) {
            String first = null;
            for (String cell : rows.group(1).split(",\\s*")) {
                String key = cell.replace("`", "").trim();
                if (key.startsWith(".")) {
                    key = first.substring(0, first.lastIndexOf('.')) + key;
                } else {
                    first = key;
                }
                if (key.contains("<name>")) {
                    for (VendorAccount account : VendorAccount.values()) {
                        keys.add(key.replace("trafficlens.sources.<name>.", account.prefix()));
                    }
                } else {
                    keys.add(key);
                }
            }
        }
        return keys;
    }
}
