package dev.trafficlens.graphql;

import dev.trafficlens.adapters.support.CircuitBreakerPolicy;
import dev.trafficlens.adapters.support.ExchangeListener;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.VendorConfigBuilder;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.port.in.QueryTraffic;
import dev.trafficlens.domain.port.out.TrafficSource;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.sandbox.Credentials;
import dev.trafficlens.sandbox.FaultRule;
import dev.trafficlens.sandbox.SandboxOptions;
import dev.trafficlens.sandbox.VendorSandbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one place the hexagon is assembled: the domain service is built with {@code new} from the four adapters, each
 * pointed at the in-process vendor sandbox or at the vendor with the credentials under
 * {@code trafficlens.sources.<name>.*} ({@link VendorMode} decides which). A source without credentials is left out,
 * and the service answers its queries "not configured".
 */
@Configuration(proxyBeanMethods = false)
public class TrafficlensWiring {

    private static final Logger log = LoggerFactory.getLogger(TrafficlensWiring.class);

    @Bean
    VendorMode vendorMode(Environment environment) {
        VendorMode mode = VendorMode.of(environment);
        if (!mode.sandbox() && !mode.liveKeys().isEmpty()) {
            log.info("Live mode: vendors are read with the keys given ({})", mode.liveKeys());
        }
        return mode;
    }

    @Bean(destroyMethod = "close")
    @Conditional(VendorMode.OnSandbox.class)
    VendorSandbox vendorSandbox(Environment environment) {
        int port = environment.getProperty("trafficlens.sandbox.port", Integer.class, 0);
        List<FaultRule> faults = faults(environment);
        VendorSandbox sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withPort(port)
                .withCredentials(Credentials.DEFAULT));
        faults.forEach(sandbox.faults()::add);
        log.warn("SANDBOX MODE: every figure this service serves is SIMULATED by its built-in vendor sandbox at {}{}."
                        + " Give vendor keys under trafficlens.sources.* to read real traffic.", sandbox.baseUrl(),
                faults.isEmpty() ? "" : " (faults: " + faults + ")");
        return sandbox;
    }

    /** {@code trafficlens.sandbox.faults}: the sandbox's {@code --fault} rules, {@code KIND[:LATENCY_MS]@REGEX}. */
    static List<FaultRule> faults(Environment environment) {
        List<String> rules = Binder.get(environment)
                .bind("trafficlens.sandbox.faults", Bindable.listOf(String.class))
                .orElse(List.of());
        List<FaultRule> faults = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            try {
                faults.add(FaultRule.parse(rules.get(i)));
            } catch (IllegalArgumentException wrong) {
                throw new InvalidSettingException("trafficlens.sandbox.faults[" + i + "]: expected "
                        + "KIND[:LATENCY_MS]@REGEX with KIND one of " + List.of(FaultRule.Kind.values())
                        + ", got '" + rules.get(i) + "'", wrong);
            }
        }
        return faults;
    }

    /** The adapters that were given an endpoint and credentials. */
    record WiredAdapters(List<TrafficSource> adapters) {
    }

    /** How every adapter calls its vendor: timeouts, retries, circuit breaker, the metrics listening, and the clock. */
    record VendorCalls(Duration connectTimeout, Duration requestTimeout, RetryPolicy retry,
                       CircuitBreakerPolicy circuitBreaker, ExchangeListener listener, Clock clock) {

        <B extends VendorConfigBuilder<B>> B applyTo(B builder) {
            return builder.connectTimeout(connectTimeout).requestTimeout(requestTimeout)
                    .retryPolicy(retry).circuitBreaker(circuitBreaker).exchangeListener(listener).clock(clock);
        }
    }

    /** With the system clock, as the service runs. */
    static VendorCalls vendorCalls(Environment environment, ExchangeListener listener) {
        return vendorCalls(environment, listener, Clock.systemUTC());
    }

    /**
     * {@code trafficlens.timeouts.*}, {@code trafficlens.retry.*} and {@code trafficlens.circuit-breaker.*}; a wrong
     * value names its key.
     */
    static VendorCalls vendorCalls(Environment environment, ExchangeListener listener, Clock clock) {
        Duration connect = positive(environment, "trafficlens.timeouts.connect",
                VendorConfigBuilder.DEFAULT_CONNECT_TIMEOUT);
        Duration request = positive(environment, "trafficlens.timeouts.request",
                VendorConfigBuilder.DEFAULT_REQUEST_TIMEOUT);
        RetryPolicy defaultRetry = RetryPolicy.DEFAULT;
        RetryPolicy retry = configured("trafficlens.retry", () -> defaultRetry
                .withMaxAttempts(environment.getProperty("trafficlens.retry.max-attempts", Integer.class,
                        defaultRetry.maxAttempts()))
                .withDeadline(environment.getProperty("trafficlens.retry.deadline", Duration.class,
                        defaultRetry.deadline())));
        CircuitBreakerPolicy defaultBreaker = CircuitBreakerPolicy.DEFAULT;
        String breaker = "trafficlens.circuit-breaker.";
        CircuitBreakerPolicy circuitBreaker = configured("trafficlens.circuit-breaker", () -> new CircuitBreakerPolicy(
                environment.getProperty(breaker + "enabled", Boolean.class, defaultBreaker.enabled()),
                environment.getProperty(breaker + "minimum-calls", Integer.class, defaultBreaker.minimumCalls()),
                environment.getProperty(breaker + "window-calls", Integer.class, defaultBreaker.windowCalls()),
                environment.getProperty(breaker + "failure-rate-percent", Float.class,
                        defaultBreaker.failureRatePercent()),
                environment.getProperty(breaker + "open-for", Duration.class, defaultBreaker.openFor()),
                environment.getProperty(breaker + "trial-calls", Integer.class, defaultBreaker.trialCalls())));
        return new VendorCalls(connect, request, retry, circuitBreaker, listener, clock);
    }

    private static Duration positive(Environment environment, String key, Duration fallback) {
        Duration value = environment.getProperty(key, Duration.class, fallback);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(key + ": expected a positive duration such as 5s, got " + value);
        }
        return value;
    }

    /** Builds a policy from keys under {@code prefix}, turning its refusal of a field into one naming the key. */
    private static <T> T configured(String prefix, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException wrong) {
            // The policies name their field in camel case ("maxAttempts: expected ..."); the key is kebab case.
            String message = wrong.getMessage();
            String field = message.contains(":") ? message.substring(0, message.indexOf(':')) : "";
            String key = prefix + "." + field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            throw new InvalidSettingException(key + message.substring(field.length()), wrong);
        }
    }

    /**
     * The service's time: "now" for planning and the cache, the time signatures carry, and what the circuit breakers
     * measure their open time with. A test moves its own clock on instead of waiting.
     */
    @Bean
    Clock trafficlensClock() {
        return Clock.systemUTC();
    }

    @Bean
    WiredAdapters wiredAdapters(
            ObjectProvider<VendorSandbox> sandbox, TrafficMetrics metrics, Environment environment, Clock clock) {
        VendorCalls calls = vendorCalls(environment, metrics, clock);
        VendorSandbox running = sandbox.getIfAvailable();
        List<TrafficSource> adapters = new ArrayList<>();
        for (VendorAccount account : VendorAccount.values()) {
            Optional<VendorAccount.Keys> keys = running == null
                    ? account.liveKeys(environment)
                    : Optional.of(new VendorAccount.Keys(running.baseUrl().toString(),
                            Credentials.DEFAULT.accessKeyId(), Credentials.DEFAULT.accessKeySecret()));
            keys.ifPresent(given -> adapters.add(account.adapter(given, calls, environment)));
        }
        return new WiredAdapters(List.copyOf(adapters));
    }

    @Bean
    TrafficMetrics trafficMetrics(MeterRegistry registry) {
        return new TrafficMetrics(registry);
    }

    /**
     * Each adapter behind, in the order a planned call meets them: a meter of every planned call, the cache (when on),
     * a meter of the calls that reach the adapter, and the adapter.
     */
    @Bean
    QueryTraffic trafficQueryService(
            WiredAdapters wired, TrafficMetrics metrics, QuerySettings settings, Environment environment, Clock clock) {
        boolean cached = environment.getProperty("trafficlens.cache.enabled", Boolean.class, true);
        CachingTrafficSource.CacheSettings cache = new CachingTrafficSource.CacheSettings(
                environment.getProperty("trafficlens.cache.maximum-calls", Long.class, 10_000L),
                environment.getProperty("trafficlens.cache.closed-windows", Duration.class, Duration.ofHours(6)),
                environment.getProperty("trafficlens.cache.open-windows", Duration.class, Duration.ofMinutes(1)),
                Duration.ofMinutes(30));
        List<TrafficSource> sources = new ArrayList<>();
        for (TrafficSource adapter : wired.adapters()) {
            TrafficSource source = new MeteredTrafficSource(adapter, metrics.registry(), TrafficMetrics.VENDOR_CALLS);
            if (cached) {
                source = new CachingTrafficSource(source, cache, clock, metrics.registry());
            }
            sources.add(new MeteredTrafficSource(source, metrics.registry(), TrafficMetrics.PLANNED_CALLS));
        }
        // Answers the cache holds skip the service's per-source gate (TrafficSource.answered): only calls that go to
        // the vendor wait for its concurrency and rate limit.
        return new TrafficQueryService(sources, clock, settings);
    }

    /**
     * The limits that protect the service and the vendors' quotas: {@code trafficlens.limits.*}, and each account's
     * {@code trafficlens.sources.<name>.rate-limit} and {@code .max-concurrent-calls}.
     */
    @Bean
    QuerySettings querySettings(Environment environment) {
        QuerySettings defaults = QuerySettings.DEFAULTS;
        QuerySettings settings = defaults
                .withMaxQueriesPerRun(environment.getProperty("trafficlens.limits.max-queries-per-request",
                        Integer.class, defaults.maxQueriesPerRun()))
                .withMaxCallsPerRun(environment.getProperty("trafficlens.limits.max-calls-per-request",
                        Integer.class, defaults.maxCallsPerRun()))
                .withMaxPointsPerSeries(environment.getProperty("trafficlens.limits.max-points-per-series",
                        Integer.class, defaults.maxPointsPerSeries()))
                .withMaxConcurrentCallsPerSource(environment.getProperty(
                        "trafficlens.limits.max-concurrent-calls-per-source", Integer.class,
                        defaults.maxConcurrentCallsPerSource()));
        for (VendorAccount account : VendorAccount.values()) {
            Optional<RateLimit> rateLimit = account.rateLimit(environment);
            Optional<Integer> concurrentCalls = account.maxConcurrentCalls(environment);
            for (Source source : account.sources()) {
                if (rateLimit.isPresent()) {
                    settings = settings.withRateLimit(source, rateLimit.get());
                }
                if (concurrentCalls.isPresent()) {
                    settings = settings.withMaxConcurrentCalls(source, concurrentCalls.get());
                }
            }
        }
        return settings;
    }

    @Bean
    SourceCatalog sourceCatalog(WiredAdapters wired, VendorMode mode, QuerySettings settings) {
        Set<Source> served = EnumSet.noneOf(Source.class);
        wired.adapters().forEach(adapter -> served.addAll(adapter.sources()));
        Map<Source, SourceMode> modes = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            if (!served.contains(source)) {
                log.warn("{} is not configured: no credentials were given for it", source.id());
                modes.put(source, SourceMode.NOT_CONFIGURED);
            } else {
                modes.put(source, mode.sandbox() ? SourceMode.SANDBOX : SourceMode.LIVE);
            }
        }
        return new SourceCatalog(modes, settings);
    }
}
