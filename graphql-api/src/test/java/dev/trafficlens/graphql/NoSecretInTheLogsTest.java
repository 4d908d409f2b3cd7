package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.sandbox.Credentials;
import org.junit.jupiter.api.Test;

/** The log check fails on each secret it watches, says so without printing it, and lets clean output pass. */
class NoSecretInTheLogsTest {

    private static final String REGISTERED = "a-registered-token-1234";

    @Test
    void printing_the_sandboxs_default_secret_fails_the_test_without_repeating_the_secret() {
        NoSecretInTheLogs check = new NoSecretInTheLogs();

        check.beforeEach(null);
        System.out.println("signed with " + Credentials.DEFAULT.accessKeySecret());

        assertThatThrownBy(() -> check.afterEach(null)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("secret")
                .message().doesNotContain(Credentials.DEFAULT.accessKeySecret());
    }

    @Test
    void a_registered_secret_on_standard_error_fails_the_test() {
        NoSecretInTheLogs check = new NoSecretInTheLogs().alsoSecret(REGISTERED);

        check.beforeEach(null);
        System.err.println("token " + REGISTERED);

        assertThatThrownBy(() -> check.afterEach(null)).isInstanceOf(AssertionError.class)
                .message().doesNotContain(REGISTERED);
    }

    @Test
    void output_without_a_secret_passes_and_is_readable_while_the_test_runs() {
        NoSecretInTheLogs check = new NoSecretInTheLogs().alsoSecret(REGISTERED);

        check.beforeEach(null);
        System.out.println("POST \"/graphql\" answered");

        assertThat(check.output()).contains("POST \"/graphql\" answered");
        check.afterEach(null);
        assertThatThrownBy(check::output).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_secret_too_short_to_tell_from_ordinary_text_is_refused() {
        assertThatThrownBy(() -> new NoSecretInTheLogs().alsoSecret("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("secret: expected a token of at least 8 characters, got 3 characters");
    }

    @Test
    void a_test_token_in_the_output_fails_the_test_registered_or_not() {
        TestTokens registered = TestTokens.mint();
        NoSecretInTheLogs check = registered.watchedBy(new NoSecretInTheLogs());

        check.beforeEach(null);
        System.out.println("Authorization: Bearer " + registered.viewer);
        assertThatThrownBy(() -> check.afterEach(null)).isInstanceOf(AssertionError.class)
                .message().doesNotContain(registered.viewer);

        NoSecretInTheLogs unregistered = new NoSecretInTheLogs();
        unregistered.beforeEach(null);
        System.out.println("token " + TestTokens.mint().editor);
        assertThatThrownBy(() -> unregistered.afterEach(null)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("API token");
    }
}
