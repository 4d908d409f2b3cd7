package dev.trafficlens.adapters.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A scripted vendor on a loopback port for adapter tests: answers each request with the next scripted reply, or
 * with a reply computed from the request, and records every request it saw. The last reply repeats until another is
 * scripted; once served, it gives way to the new one.
 */
public final class StubVendor implements AutoCloseable {

    /** One recorded request. Header names are lower-case. */
    public record Request(
            String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body, long receivedAtNanos) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** One scripted reply. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {

        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Deque<Function<Request, Reply>> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private boolean lastReplyServed;

    private StubVendor() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static StubVendor start() {
        try {
            return new StubVendor();
        } catch (IOException cannotBind) {
            throw new IllegalStateException("could not start a stub vendor on loopback", cannotBind);
        }
    }

    /** The base URL adapters should be pointed at, such as {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next request with {@code reply}. */
    public StubVendor then(Reply reply) {
        return then(request -> reply);
    }

    /** Answers the next request with what {@code replyTo} makes of it. */
    public synchronized StubVendor then(Function<Request, Reply> replyTo) {
        if (lastReplyServed && script.size() == 1) {
            script.clear();
        }
        lastReplyServed = false;
        script.add(replyTo);
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body, System.nanoTime());
        Function<Request, Reply> next;
        synchronized (this) {
            requests.add(request);
            if (script.size() > 1) {
                next = script.poll();
            } else {
                next = script.peek();
                lastReplyServed = next != null;
            }
        }
        Reply reply = next == null ? Reply.json(599, "{\"stub\":\"nothing scripted\"}") : next.apply(request);
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
