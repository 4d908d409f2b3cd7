package dev.trafficlens.graphql.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which mode the service starts in: simulated traffic never serves anyone who gave real keys. */
class VendorModeTest {

    @Test
    void with_no_keys_and_no_flag_the_sandbox_serves() {
        assertThat(VendorMode.of(TrafficlensProperties.bind(new MockEnvironment())).sandbox()).isTrue();
    }

    @Test
    void any_vendor_key_turns_the_sandbox_off_when_the_flag_is_unset() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("trafficlens.sources.qingcloud.access-key-id", "QYACCESSKEYID");

        VendorMode mode = VendorMode.of(TrafficlensProperties.bind(environment));

        assertThat(mode.sandbox()).isFalse();
        assertThat(mode.liveKeys()).containsExactly("trafficlens.sources.qingcloud.access-key-id");
    }

    @Test
    void blank_keys_are_no_keys() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("trafficlens.sources.zenlayer.access-key-id", "  ")
                .withProperty("trafficlens.sources.zenlayer.endpoint", "http://127.0.0.1:9");

        assertThat(VendorMode.of(TrafficlensProperties.bind(environment)).sandbox()).isTrue();
    }

    @Test
    void keys_with_the_sandbox_switched_on_are_refused_naming_both_keys() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("trafficlens.sandbox.enabled", "true")
                .withProperty("trafficlens.sources.zenlayer.access-key-id", "some-id")
                .withProperty("trafficlens.sources.zenlayer.access-key-password", "some-password");

        assertThatThrownBy(() -> VendorMode.of(TrafficlensProperties.bind(environment)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("trafficlens.sandbox.enabled=true and "
                        + "trafficlens.sources.zenlayer.access-key-id are both set")
                .hasMessageNotContaining("some-password");
    }

    @Test
    void the_sandbox_switched_off_without_keys_is_live_with_nothing_configured() {
        VendorMode mode = VendorMode.of(TrafficlensProperties.bind(
                new MockEnvironment().withProperty("trafficlens.sandbox.enabled", "false")));

        assertThat(mode.sandbox()).isFalse();
        assertThat(mode.liveKeys()).isEmpty();
    }

    @Test
    void a_flag_that_is_not_a_boolean_names_its_key() {
        assertThatThrownBy(() -> TrafficlensProperties.bind(
                new MockEnvironment().withProperty("trafficlens.sandbox.enabled", "yes"))).rootCause()
                .hasMessage("trafficlens.sandbox.enabled: expected true or false, got 'yes'");
    }

    @Test
    void per_source_limits_that_are_not_positive_numbers_name_their_keys() {
        for (String wrong : new String[] {"0", "-3", "fast", "NaN", ""}) {
            MockEnvironment environment = new MockEnvironment()
                    .withProperty("trafficlens.sources.zenlayer.rate-limit", wrong);
            assertThatThrownBy(() -> TrafficlensProperties.bind(environment)).rootCause()
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessage("trafficlens.sources.zenlayer.rate-limit: expected a positive number of calls per"
                            + " second, such as 20 or 0.5, got '" + wrong + "'");
        }
        for (String wrong : new String[] {"0", "2.5", "many"}) {
            MockEnvironment environment = new MockEnvironment()
                    .withProperty("trafficlens.sources.qingcloud.max-concurrent-calls", wrong);
            assertThatThrownBy(() -> TrafficlensProperties.bind(environment)).rootCause()
                    .hasMessage("trafficlens.sources.qingcloud.max-concurrent-calls: expected a positive whole number"
                            + " of calls, such as 8, got '" + wrong + "'");
        }
    }
}
