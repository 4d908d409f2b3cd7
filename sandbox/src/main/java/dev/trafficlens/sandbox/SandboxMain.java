package dev.trafficlens.sandbox;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar trafficlens-sandbox-<version>-runnable.jar [--port N] [--access-key-id ID]
 * [--access-key-secret SECRET] [--fault KIND[:LATENCY_MS]@REGEX]...}: serves the five vendor APIs until stopped.
 */
public final class SandboxMain {

    static final int DEFAULT_PORT = 8089;

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxOptions options;
        List<FaultRule> faults = new ArrayList<>();
        try {
            options = parse(args, faults);
        } catch (IllegalArgumentException badArguments) {
            usage(System.err, badArguments.getMessage());
            System.exit(2);
            return;
        }
        VendorSandbox sandbox = VendorSandbox.start(options);
        faults.forEach(sandbox.faults()::add);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "vendor-sandbox-shutdown"));
        System.out.println("trafficlens vendor sandbox listening on " + sandbox.baseUrl()
                + " (access key id " + options.credentials().accessKeyId() + ")");
        Thread.currentThread().join();
    }

    static SandboxOptions parse(String[] args, List<FaultRule> faults) {
        SandboxOptions options = SandboxOptions.DEFAULTS.withPort(DEFAULT_PORT);
        String keyId = Credentials.DEFAULT.accessKeyId();
        String secret = Credentials.DEFAULT.accessKeySecret();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + ": expected a value after it");
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> options = options.withPort(port(value));
                case "--access-key-id" -> keyId = value;
                case "--access-key-secret" -> secret = value;
                case "--fault" -> faults.add(FaultRule.parse(value));
                default -> throw new IllegalArgumentException(flag + ": unknown option");
            }
        }
        return options.withCredentials(new Credentials(keyId, secret));
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--port: expected a number from 0 to 65535, got " + value);
        }
    }

    private static void usage(PrintStream out, String problem) {
        if (!problem.isEmpty()) {
            out.println(problem);
        }
        out.println("usage: java -jar trafficlens-sandbox-runnable.jar [--port N] [--access-key-id ID] "
                + "[--access-key-secret SECRET] [--fault KIND[:LATENCY_MS]@REGEX]...");
        out.println("  defaults: --port " + DEFAULT_PORT + " --access-key-id " + Credentials.DEFAULT.accessKeyId()
                + " --access-key-secret " + Credentials.DEFAULT.accessKeySecret());
        out.println("  KIND: NONE SERVER_ERROR THROTTLED TIMEOUT MALFORMED TRUNCATED DISCONNECT; REGEX matches resource ids");
    }
}
