package dev.trafficlens.adapters.qingcloud;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Vendor example bodies kept under {@code src/test/resources/qingcloud/}, named after the case they show. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/qingcloud/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture qingcloud/" + name);
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
