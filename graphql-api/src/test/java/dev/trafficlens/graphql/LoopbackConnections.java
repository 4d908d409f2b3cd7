package dev.trafficlens.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Open TCP connections to a local port, read from the kernel's table (Linux), for tests of connection leaks. */
final class LoopbackConnections {

    private static final String ESTABLISHED = "01";

    private LoopbackConnections() {
    }

    static boolean countable() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** Connections in state ESTABLISHED whose remote end is {@code port}: this process's clients of that server. */
    static long establishedTo(int port) throws IOException {
        String remotePort = String.format(Locale.ROOT, ":%04X", port);
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[2].endsWith(remotePort) && fields[3].equals(ESTABLISHED)) {
                    count++;
                }
            }
        }
        return count;
    }
}
