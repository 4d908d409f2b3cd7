package dev.trafficlens.adapters.tencentvpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Vendor bodies kept as files under {@code src/test/resources/fixtures}, named after the case they show. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
