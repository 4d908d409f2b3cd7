package dev.trafficlens.adapters.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Recorded or hand-made vendor bodies, one file per case, named after the case it shows. Every adapter keeps its own
 * under {@code src/test/resources/fixtures/<adapter package>/}, so the files of two adapters never shadow each other
 * on one class path.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** @param adapter the last segment of the adapter's package, such as {@code tencentvpc} */
    public static byte[] bytes(String adapter, String name) {
        String path = "/fixtures/" + adapter + "/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path.substring(1));
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static String text(String adapter, String name) {
        return new String(bytes(adapter, name), StandardCharsets.UTF_8);
    }
}
