package dev.trafficlens.graphql.config;

import dev.trafficlens.domain.model.ErrorKind;
import dev.trafficlens.graphql.errors.GraphqlErrors;
import graphql.ExecutionResult;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import reactor.core.publisher.Mono;

/**
 * Limits on whole HTTP requests, before any query runs: at most {@code trafficlens.limits.max-concurrent-requests}
 * GraphQL requests at once (more are answered at once with a {@code RATE_LIMITED} error rather than queued until
 * memory runs out), and request bodies of at most {@code trafficlens.limits.max-request-bytes} (a larger one is
 * refused with HTTP 400 before it is read).
 */
@Configuration(proxyBeanMethods = false)
public class RequestLimits {

    @Bean
    WebGraphQlInterceptor concurrentRequestLimit(TrafficlensProperties properties) {
        int limit = properties.limits().maxConcurrentRequests();
        Semaphore inFlight = new Semaphore(limit);
        return (request, chain) -> {
            if (!inFlight.tryAcquire()) {
                ExecutionResult busy = ExecutionResult.newExecutionResult().addError(
                        GraphqlErrors.typed(ErrorKind.RATE_LIMITED)
                                .message("The service is answering " + limit + " requests already "
                                        + "(trafficlens.limits.max-concurrent-requests): try again in a moment")
                                .extensions(Map.of("code", ErrorKind.RATE_LIMITED.name(), "retryAfterSeconds", 1))
                                .build()).build();
                return Mono.just(new WebGraphQlResponse(
                        new DefaultExecutionGraphQlResponse(request.toExecutionInput(), busy)));
            }
            return chain.next(request).doFinally(signal -> inFlight.release());
        };
    }

    @Bean
    OncePerRequestFilter requestSizeLimit(TrafficlensProperties properties, VendorMode mode) {
        // The same mark SandboxResponses adds to every response that reaches GraphQL.
        String responseExtensions = mode.sandbox() ? ",\"extensions\":{\"trafficlens\":{\"sandbox\":true}}" : "";
        long limit = properties.limits().maxRequestBytes();
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long length = request.getContentLengthLong();
                if (length > limit) {
                    refuse(response, "The request body is " + length + " bytes; at most " + limit
                            + " are accepted (trafficlens.limits.max-request-bytes)");
                    return;
                }
                if (length >= 0) {
                    chain.doFilter(request, response);
                    return;
                }
                // A body without a length (chunked) is read up to the limit, then refused.
                byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (body.length > limit) {
                    refuse(response, "The request body is more than " + limit
                            + " bytes, the most accepted (trafficlens.limits.max-request-bytes)");
                    return;
                }
                chain.doFilter(new BufferedBody(request, body), response);
            }

            private void refuse(HttpServletResponse response, String message) throws IOException {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setHeader("Connection", "close");
                response.getOutputStream().write(("{\"errors\":[{\"message\":\"" + message
                        + "\",\"extensions\":{\"code\":\"INVALID_QUERY\"}}]" + responseExtensions + "}")
                        .getBytes(StandardCharsets.UTF_8));
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"/graphql".equals(request.getRequestURI());
            }
        };
    }

    /** A request whose body was read already, served again from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
