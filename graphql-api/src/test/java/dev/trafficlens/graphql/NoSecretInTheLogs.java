package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.sandbox.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when what it printed (the service's logs go to the console) holds a secret: the sandbox's default
 * vendor secret and anything shaped like a trafficlens API token ({@code tl_} and 43 base64url characters, as
 * {@code --trafficlens.security.new-token} mints them) always, and every secret the test registers (its
 * {@link TestTokens}, vendor keys). Use {@code @ExtendWith(NoSecretInTheLogs.class)} for the default checks alone,
 * or {@code @RegisterExtension} an instance to add secrets with {@link #alsoSecret}.
 */
public final class NoSecretInTheLogs implements BeforeEachCallback, AfterEachCallback {

    /** An API token as the service mints them, registered or not. */
    private static final Pattern API_TOKEN = Pattern.compile("tl_[A-Za-z0-9_-]{43}");

    /** Shorter strings occur by chance in any log, so they would fail tests for nothing. */
    private static final int SHORTEST_SECRET = 8;

    private final List<String> secrets = new CopyOnWriteArrayList<>(List.of(Credentials.DEFAULT.accessKeySecret()));
    private volatile Capture current;

    /** Also fails the test when {@code secret} is printed; may be called before or during a test. */
    public NoSecretInTheLogs alsoSecret(String secret) {
        if (secret == null || secret.length() < SHORTEST_SECRET) {
            throw new IllegalArgumentException("secret: expected a token of at least " + SHORTEST_SECRET
                    + " characters, got " + (secret == null ? "null" : secret.length() + " characters"));
        }
        secrets.add(secret);
        return this;
    }

    /** What the running test printed so far, for tests that check the capture holds what they looked for. */
    public String output() {
        Capture capture = current;
        if (capture == null) {
            throw new IllegalStateException("output is captured only while a test runs");
        }
        return capture.text();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        current = new Capture();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Capture capture = current;
        current = null;
        capture.stop();
        String printed = capture.text();
        for (String secret : secrets) {
            assertThat(printed.contains(secret))
                    .as("a registered secret of %d characters appeared in the test's output", secret.length())
                    .isFalse();
        }
        assertThat(API_TOKEN.matcher(printed).find()).as("an API token appeared in the test's output").isFalse();
    }

    /** Copies the console into a buffer while still printing it, and puts the console back when stopped. */
    private static final class Capture {

        private final PrintStream out = System.out;
        private final PrintStream err = System.err;
        private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Capture() {
            System.setOut(tee(out));
            System.setErr(tee(err));
        }

        private PrintStream tee(PrintStream console) {
            return new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    console.write(b);
                    synchronized (printed) {
                        printed.write(b);
                    }
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    console.write(bytes, offset, length);
                    synchronized (printed) {
                        printed.write(bytes, offset, length);
                    }
                }
            }, true, StandardCharsets.UTF_8);
        }

        String text() {
            synchronized (printed) {
                return printed.toString(StandardCharsets.UTF_8);
            }
        }

        void stop() {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
