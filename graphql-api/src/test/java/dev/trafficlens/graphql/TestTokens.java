package dev.trafficlens.graphql;

import dev.trafficlens.graphql.security.ApiTokens;
import dev.trafficlens.graphql.security.NewTokenCommand;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The API tokens a test mints for itself, new at every run as an operator mints them
 * ({@code --trafficlens.security.new-token}): an editor's ({@code test-editor}) and a viewer's
 * ({@code test-viewer}), and the settings that configure their hashes. The tokens themselves never go into the
 * configuration; {@link #watchedBy} makes the log check fail a test that prints one.
 */
final class TestTokens {

    static final String EDITOR_NAME = "test-editor";
    static final String VIEWER_NAME = "test-viewer";

    private static final SecureRandom RANDOM = new SecureRandom();

    final String editor;
    final String viewer;

    private TestTokens(String editor, String viewer) {
        this.editor = editor;
        this.viewer = viewer;
    }

    static TestTokens mint() {
        return new TestTokens(NewTokenCommand.mint(RANDOM), NewTokenCommand.mint(RANDOM));
    }

    /** {@code trafficlens.security.tokens[0]} (the editor) and {@code [1]} (the viewer), as KEY=VALUE. */
    List<String> settings() {
        List<String> settings = new ArrayList<>();
        add(settings, 0, EDITOR_NAME, editor, "EDITOR");
        add(settings, 1, VIEWER_NAME, viewer, "VIEWER");
        return settings;
    }

    /** {@link #settings} as command-line arguments. */
    List<String> arguments() {
        return settings().stream().map(setting -> "--" + setting).toList();
    }

    void register(DynamicPropertyRegistry registry) {
        for (String setting : settings()) {
            int equals = setting.indexOf('=');
            String value = setting.substring(equals + 1);
            registry.add(setting.substring(0, equals), () -> value);
        }
    }

    NoSecretInTheLogs watchedBy(NoSecretInTheLogs check) {
        return check.alsoSecret(editor).alsoSecret(viewer);
    }

    private static void add(List<String> settings, int index, String name, String token, String role) {
        String prefix = "trafficlens.security.tokens[" + index + "].";
        settings.add(prefix + "name=" + name);
        settings.add(prefix + "sha256=" + ApiTokens.sha256Hex(token));
        settings.add(prefix + "role=" + role);
    }
}
