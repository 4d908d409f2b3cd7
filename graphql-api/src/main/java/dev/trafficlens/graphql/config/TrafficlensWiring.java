package dev.trafficlens.graphql.config;

import dev.trafficlens.adapters.support.CircuitBreakerPolicy;
import dev.trafficlens.adapters.support.ExchangeListener;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.VendorConfigBuilder;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.port.out.AuditLog;
import dev.trafficlens.domain.port.out.LinkStore;
import dev.trafficlens.domain.port.out.SampleArchive;
import dev.trafficlens.domain.port.out.SharedCallPermits;
import dev.trafficlens.domain.port.out.TrafficSource;
import dev.trafficlens.domain.service.BillingService;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.graphql.decorators.CachingTrafficSource;
import dev.trafficlens.graphql.decorators.DecoratorChain;
import dev.trafficlens.graphql.generated.types.SourceMode;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The one place the hexagon is assembled: the domain service is built with {@code new} from the four adapters, each
 * pointed at the in-process vendor sandbox or at the vendor with the credentials under
 * {@code trafficlens.sources.<name>.*} ({@link VendorMode} decides which). A source without credentials is left out,
 * and the service answers its queries "not configured". Every setting comes from {@link TrafficlensProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrafficlensProperties.class)
public class TrafficlensWiring {

    private static final Logger log = LoggerFactory.getLogger(TrafficlensWiring.class);

    @Bean
    VendorMode vendorMode(TrafficlensProperties properties) {
        VendorMode mode = VendorMode.of(properties);
        if (!mode.sandbox() && !mode.liveKeys().isEmpty()) {
            log.info("Live mode: vendors are read with the keys given ({})", mode.liveKeys());
        }
        return mode;
    }

    @Bean(destroyMethod = "close")
    @Conditional(VendorMode.OnSandbox.class)
    VendorSandbox vendorSandbox(TrafficlensProperties properties) {
        List<FaultRule> faults = properties.sandbox().faultRules();
        VendorSandbox sandbox = VendorSandbox.start(SandboxOptions.DEFAULTS.withPort(properties.sandbox().port())
                .withCredentials(Credentials.DEFAULT));
        faults.forEach(sandbox.faults()::add);
        log.warn("SANDBOX MODE: every figure this service serves is SIMULATED by its built-in vendor sandbox at {}{}."
                        + " Give vendor keys under trafficlens.sources.* to read real traffic.", sandbox.baseUrl(),
                faults.isEmpty() ? "" : " (faults: " + faults + ")");
        return sandbox;
    }

    /** The adapters that were given an endpoint and credentials. */
    record WiredAdapters(List<TrafficSource> adapters, List<String> accessKeyIds) {
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
    static VendorCalls vendorCalls(TrafficlensProperties properties, ExchangeListener listener) {
        return vendorCalls(properties, listener, Clock.systemUTC());
    }

    /** {@code trafficlens.timeouts.*}, {@code trafficlens.retry.*} and {@code trafficlens.circuit-breaker.*}. */
    static VendorCalls vendorCalls(TrafficlensProperties properties, ExchangeListener listener, Clock clock) {
        return new VendorCalls(properties.timeouts().connect(), properties.timeouts().request(),
                properties.retry().policy(), properties.circuitBreaker().policy(), listener, clock);
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
    WiredAdapters wiredAdapters(ObjectProvider<VendorSandbox> sandbox, TrafficMetrics metrics,
                                TrafficlensProperties properties, Clock clock) {
        VendorCalls calls = vendorCalls(properties, metrics, clock);
        TrafficlensProperties.Sources sources = properties.sources();
        VendorSandbox running = sandbox.getIfAvailable();
        List<TrafficSource> adapters = new ArrayList<>();
        List<String> accessKeyIds = new ArrayList<>();
        for (VendorAccount account : VendorAccount.values()) {
            Optional<VendorAccount.Keys> keys = running == null
                    ? account.liveKeys(sources)
                    : Optional.of(new VendorAccount.Keys(running.baseUrl().toString(),
                            Credentials.DEFAULT.accessKeyId(), Credentials.DEFAULT.accessKeySecret()));
            keys.ifPresent(given -> {
                adapters.add(account.adapter(given, calls, account.rateLimit(sources)));
                accessKeyIds.add(given.id());
            });
        }
        return new WiredAdapters(List.copyOf(adapters), List.copyOf(accessKeyIds));
    }

    @Bean
    TrafficMetrics trafficMetrics(MeterRegistry registry) {
        return new TrafficMetrics(registry);
    }

    /**
     * Each adapter behind the service's decorators, in the order {@link DecoratorChain} sets; archive first when the
     * archive is on ({@link ArchiveWiring}).
     */
    @Bean
    TrafficQueryService trafficQueryService(
            WiredAdapters wired, TrafficMetrics metrics, QuerySettings settings, TrafficlensProperties properties,
            Clock clock, ObjectProvider<SampleArchive> archive, ObjectProvider<SharedCallPermits> permits) {
        Optional<CachingTrafficSource.CacheSettings> cache = properties.cache().enabled()
                ? Optional.of(properties.cache().settings()) : Optional.empty();
        SharedCallPermits shared = permits.getIfAvailable(SharedCallPermits::unshared);
        List<TrafficSource> sources = new ArrayList<>();
        for (int i = 0; i < wired.adapters().size(); i++) {
            // A call waits for a shared permit at most as long as it may wait for the vendor's answer.
            DecoratorChain.SharedPermits sharedPermits = new DecoratorChain.SharedPermits(
                    shared, wired.accessKeyIds().get(i), settings::rateLimitOf, properties.timeouts().request());
            sources.add(DecoratorChain.around(wired.adapters().get(i), metrics.registry(), cache, sharedPermits, clock));
        }
        // Answers the cache holds skip the service's per-source gate (TrafficSource.answered): only calls that go to
        // the vendor wait for its concurrency and rate limit.
        SampleArchive archived = archive.getIfAvailable();
        return archived == null
                ? new TrafficQueryService(sources, clock, settings)
                : new TrafficQueryService(sources, clock, settings, archived);
    }

    /** The links API's access to the archive's links; present, and refusing, when the archive is off. */
    /** The audit log where there is an archive; otherwise the audit entries are logged. */
    @Bean
    AuditTrail auditTrail(ObjectProvider<AuditLog> auditLog, TrafficMetrics metrics) {
        return new AuditTrail(Optional.ofNullable(auditLog.getIfAvailable()), metrics.registry());
    }

    @Bean
    LinkDirectory linkDirectory(ObjectProvider<LinkStore> links, ObjectProvider<SampleArchive> archive,
                                ObjectProvider<CollectorRuns> collector) {
        return new LinkDirectory(Optional.ofNullable(links.getIfAvailable()), Optional.ofNullable(archive.getIfAvailable()),
                Optional.ofNullable(collector.getIfAvailable()));
    }

    @Bean
    BillBook billBook(ObjectProvider<BillingService> billing) {
        return new BillBook(Optional.ofNullable(billing.getIfAvailable()));
    }

    /**
     * The limits that protect the service and the vendors' quotas: {@code trafficlens.limits.*}, and each account's
     * {@code trafficlens.sources.<name>.rate-limit} and {@code .max-concurrent-calls}.
     */
    @Bean
    QuerySettings querySettings(TrafficlensProperties properties) {
        return properties.limits().querySettings(properties.sources());
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
