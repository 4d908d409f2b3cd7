package dev.trafficlens.graphql.config;

import dev.trafficlens.adapters.support.CircuitBreakerPolicy;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.graphql.decorators.CachingTrafficSource;
import dev.trafficlens.graphql.security.Role;
import dev.trafficlens.sandbox.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * Every {@code trafficlens.*} key (graphql-api/README.md's configuration table), bound at start-up; the
 * configuration processor turns these records and their documentation into the metadata IDEs complete the keys from.
 * A wrong value refuses start-up with an {@link InvalidSettingException} naming its full key. The defaults agree with
 * the adapters' and the domain's own ({@code TrafficlensPropertiesTest}).
 *
 * <p>Values whose refusal must quote the text given ({@code sandbox.enabled}, a source's {@code rate-limit} and
 * {@code max-concurrent-calls}) are bound as text: Spring's conversion would accept {@code yes} as true and turn
 * {@code -3} into {@code -3.0} before any check could quote it.
 *
 * @param sandbox the in-process vendor sandbox
 * @param sources the vendor accounts, one per vendor API
 * @param limits the limits that protect the service and the vendors' quotas
 * @param timeouts how long a vendor may take to connect and to answer
 * @param retry how a failed vendor call is retried
 * @param circuitBreaker when calls to a failing source pause
 * @param cache the planned-call answers kept in memory
 * @param archive the sample archive queries are answered from first
 * @param collector the schedule that keeps the links' samples archived
 * @param billing when bills' periods close
 * @param security who may read traffic and change links (docs/security.md)
 */
@ConfigurationProperties("trafficlens")
public record TrafficlensProperties(
        @DefaultValue Sandbox sandbox,
        @DefaultValue Sources sources,
        @DefaultValue Limits limits,
        @DefaultValue Timeouts timeouts,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue Cache cache,
        @DefaultValue Archive archive,
        @DefaultValue Collector collector,
        @DefaultValue Billing billing,
        @DefaultValue Security security) {

    static final String PREFIX = "trafficlens";

    /**
     * The keys as bound from {@code environment}, for what must know them before the beans exist (the sandbox's
     * start-up condition). A refused value comes wrapped in a bind failure whose root cause names the key.
     */
    public static TrafficlensProperties bind(Environment environment) {
        return Binder.get(environment).bindOrCreate(PREFIX, TrafficlensProperties.class);
    }

    /**
     * {@code trafficlens.sandbox.*}.
     *
     * @param enabled unset: the sandbox serves while no vendor key is given; false: never; true
     *                together with any vendor key refuses to start
     * @param port port of the in-process sandbox; 0 takes a free one
     * @param faults faults the in-process sandbox injects, KIND[:LATENCY_MS]@REGEX as its --fault
     *               option, e.g. NONE:100@.* adds 100 ms to every vendor call
     */
    public record Sandbox(String enabled, @DefaultValue("0") int port, List<String> faults) {

        public Sandbox {
            if (enabled != null && switchedOn(enabled).isEmpty()) {
                throw new InvalidSettingException(
                        VendorMode.SANDBOX_KEY + ": expected true or false, got '" + enabled + "'");
            }
            faults = faults == null ? List.of() : List.copyOf(faults);
            faultRules(faults);
        }

        /** {@code enabled} as given; empty when unset. */
        Optional<Boolean> switchedOn() {
            return enabled == null ? Optional.empty() : switchedOn(enabled);
        }

        public List<FaultRule> faultRules() {
            return faultRules(faults);
        }

        private static Optional<Boolean> switchedOn(String flag) {
            return switch (flag.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> Optional.of(true);
                case "false" -> Optional.of(false);
                default -> Optional.empty();
            };
        }

        private static List<FaultRule> faultRules(List<String> rules) {
            List<FaultRule> parsed = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                try {
                    parsed.add(FaultRule.parse(rules.get(i)));
                } catch (IllegalArgumentException wrong) {
                    throw new InvalidSettingException(PREFIX + ".sandbox.faults[" + i + "]: expected "
                            + "KIND[:LATENCY_MS]@REGEX with KIND one of " + List.of(FaultRule.Kind.values())
                            + ", got '" + rules.get(i) + "'");
                }
            }
            return List.copyOf(parsed);
        }
    }

    /**
     * {@code trafficlens.sources.<name>.*}: one account per vendor API. An account is used once both its keys are
     * given.
     *
     * @param tencentVpc Tencent Cloud's legacy v2 VPC API (/v2/index.php is appended to the endpoint)
     * @param tencentMna Tencent Cloud API 3.0 mna
     * @param qingcloud QingCloud (/iaas/ is appended to the endpoint)
     * @param zenlayer Zenlayer sdn (/api/v2/sdn is appended to the endpoint); serves both Zenlayer
     *                 sources
     */
    public record Sources(
            @DefaultValue TencentAccount tencentVpc,
            @DefaultValue TencentAccount tencentMna,
            @DefaultValue QingCloudAccount qingcloud,
            @DefaultValue ZenlayerAccount zenlayer) {

        public Sources {
            // The accounts' limits are checked here, where each account's name is known.
            checkLimits(VendorAccount.TENCENT_VPC, tencentVpc.rateLimit(), tencentVpc.maxConcurrentCalls());
            checkLimits(VendorAccount.TENCENT_MNA, tencentMna.rateLimit(), tencentMna.maxConcurrentCalls());
            checkLimits(VendorAccount.QINGCLOUD, qingcloud.rateLimit(), qingcloud.maxConcurrentCalls());
            checkLimits(VendorAccount.ZENLAYER, zenlayer.rateLimit(), zenlayer.maxConcurrentCalls());
        }

        private static void checkLimits(VendorAccount account, String rateLimit, String maxConcurrentCalls) {
            rateLimit(account.prefix() + "rate-limit", rateLimit);
            maxConcurrentCalls(account.prefix() + "max-concurrent-calls", maxConcurrentCalls);
        }

        /** {@code value} of {@code key}: calls per second, a positive number; empty when unset. */
        static Optional<RateLimit> rateLimit(String key, String value) {
            if (value == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(RateLimit.configuredPerSecond(Double.parseDouble(value.trim())));
            } catch (IllegalArgumentException notPositive) {
                throw new InvalidSettingException(key + ": expected a positive number of calls per second, such as"
                        + " 20 or 0.5, got '" + value + "'");
            }
        }

        /** {@code value} of {@code key}: calls in flight, a positive whole number; empty when unset. */
        static Optional<Integer> maxConcurrentCalls(String key, String value) {
            if (value == null) {
                return Optional.empty();
            }
            try {
                int calls = Integer.parseInt(value.trim());
                if (calls >= 1) {
                    return Optional.of(calls);
                }
            } catch (NumberFormatException notANumber) {
                // refused below, with the same message as a number below one
            }
            throw new InvalidSettingException(key + ": expected a positive whole number of calls, such as 8, got '"
                    + value + "'");
        }
    }

    /**
     * A Tencent Cloud account.
     *
     * @param endpoint the API's base URL; the vendor's public host by default
     * @param secretId the API key's SecretId
     * @param secretKey the API key's SecretKey
     * @param rateLimit vendor calls per second per credential and API action, a positive number (0.5 is one
     *                  call every two seconds); the source's own limit by default
     * @param maxConcurrentCalls vendor calls in flight at once for each of the account's sources, a positive whole
     *                           number; trafficlens.limits.max-concurrent-calls-per-source by default
     */
    public record TencentAccount(
            String endpoint, String secretId, String secretKey, String rateLimit, String maxConcurrentCalls) {

        @Override
        public String toString() {
            return "TencentAccount[endpoint=" + endpoint + ", secretId=" + secretId + "]";
        }
    }

    /**
     * A QingCloud account.
     *
     * @param endpoint the API's base URL; the vendor's public host by default
     * @param accessKeyId the access key's id
     * @param secretAccessKey the access key's secret
     * @param rateLimit vendor calls per second per credential and API action, a positive number (0.5 is one
     *                  call every two seconds); the source's own limit by default
     * @param maxConcurrentCalls vendor calls in flight at once for the account's source, a positive whole number;
     *                           trafficlens.limits.max-concurrent-calls-per-source by default
     */
    public record QingCloudAccount(
            String endpoint, String accessKeyId, String secretAccessKey, String rateLimit, String maxConcurrentCalls) {

        @Override
        public String toString() {
            return "QingCloudAccount[endpoint=" + endpoint + ", accessKeyId=" + accessKeyId + "]";
        }
    }

    /**
     * A Zenlayer account.
     *
     * @param endpoint the API's base URL; the vendor's public host by default
     * @param accessKeyId the access key's id
     * @param accessKeyPassword the access key's password
     * @param rateLimit vendor calls per second per credential and API action, a positive number (0.5 is one
     *                  call every two seconds); the source's own limit by default
     * @param maxConcurrentCalls vendor calls in flight at once for each of the account's sources, a positive whole
     *                           number; trafficlens.limits.max-concurrent-calls-per-source by default
     */
    public record ZenlayerAccount(
            String endpoint, String accessKeyId, String accessKeyPassword, String rateLimit,
            String maxConcurrentCalls) {

        @Override
        public String toString() {
            return "ZenlayerAccount[endpoint=" + endpoint + ", accessKeyId=" + accessKeyId + "]";
        }
    }

    /**
     * {@code trafficlens.limits.*}.
     *
     * @param maxConcurrentRequests GraphQL requests in flight at once; more are answered at once with a RATE_LIMITED
     *                              error (retryAfterSeconds 1) instead of queueing until memory runs out
     * @param maxRequestBytes request body size; a larger body is refused with HTTP 400 before it is read (a
     *                        100-query dashboard is about 20 KB)
     * @param maxQueriesPerRequest distinct queries in one request, over all its traffic and aggregate fields
     * @param maxCallsPerRequest planned vendor calls in one request (a 30-day Zenlayer query is 30)
     * @param maxPointsPerSeries samples in one result series
     * @param maxConcurrentCallsPerSource vendor calls in flight per source, unless the source's max-concurrent-calls
     *                                    says otherwise; also the most an unknown link, or a refused key, costs a
     *                                    request
     * @param maxQueryDepth nesting depth of a GraphQL query (data queries need 5; tools' introspection queries about
     *                      13)
     * @param maxQueryComplexity fields selected by one query, aliases included (a five-source dashboard query is
     *                           about 100)
     */
    public record Limits(
            @DefaultValue("100") int maxConcurrentRequests,
            @DefaultValue("262144") long maxRequestBytes,
            @DefaultValue("100") int maxQueriesPerRequest,
            @DefaultValue("1000") int maxCallsPerRequest,
            @DefaultValue("100000") int maxPointsPerSeries,
            @DefaultValue("8") int maxConcurrentCallsPerSource,
            @DefaultValue("15") int maxQueryDepth,
            @DefaultValue("2000") int maxQueryComplexity) {

        public Limits {
            atLeastOne("max-queries-per-request", maxQueriesPerRequest);
            atLeastOne("max-calls-per-request", maxCallsPerRequest);
            atLeastOne("max-points-per-series", maxPointsPerSeries);
            atLeastOne("max-concurrent-calls-per-source", maxConcurrentCallsPerSource);
        }

        /** The service's limits, with each account's {@code rate-limit} and {@code max-concurrent-calls}. */
        QuerySettings querySettings(Sources sources) {
            QuerySettings settings = QuerySettings.DEFAULTS
                    .withMaxQueriesPerRun(maxQueriesPerRequest)
                    .withMaxCallsPerRun(maxCallsPerRequest)
                    .withMaxPointsPerSeries(maxPointsPerSeries)
                    .withMaxConcurrentCallsPerSource(maxConcurrentCallsPerSource);
            for (VendorAccount account : VendorAccount.values()) {
                Optional<RateLimit> rateLimit = account.rateLimit(sources);
                Optional<Integer> concurrentCalls = account.maxConcurrentCalls(sources);
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
    }

    /**
     * {@code trafficlens.timeouts.*}.
     *
     * @param connect TCP/TLS connect timeout
     * @param request the time one HTTP attempt to a vendor may take
     */
    public record Timeouts(@DefaultValue("5s") Duration connect, @DefaultValue("20s") Duration request) {

        public Timeouts {
            positive("timeouts.connect", connect);
            positive("timeouts.request", request);
        }
    }

    /**
     * {@code trafficlens.retry.*}: network errors, timeouts, server errors and throttling are retried with jittered
     * backoff (0.5 s, 1 s, 2 s ...) and the vendor's Retry-After.
     *
     * @param maxAttempts HTTP attempts per vendor call
     * @param deadline a vendor call, all attempts included, fails with VENDOR_UNAVAILABLE (or RATE_LIMITED) after
     *                 this
     */
    public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("30s") Duration deadline) {

        public Retry {
            if (maxAttempts < 1) {
                throw new InvalidSettingException(PREFIX + ".retry.max-attempts: expected at least 1, got "
                        + maxAttempts);
            }
            positive("retry.deadline", deadline);
        }

        /** The adapters' own retry policy with these two settings; its backoff is not configurable. */
        RetryPolicy policy() {
            return RetryPolicy.DEFAULT.withMaxAttempts(maxAttempts).withDeadline(deadline);
        }
    }

    /**
     * {@code trafficlens.circuit-breaker.*}.
     *
     * @param enabled pause calls to a source whose recent calls mostly failed for the vendor's sake (unreachable, 5xx,
     *                unreadable; never unknown resources, keys or throttling)
     * @param minimumCalls calls, of the last window-calls, made before the breaker may open
     * @param windowCalls the last calls the failure rate is taken over
     * @param failureRatePercent the share of those calls that failed which opens the breaker, more than 0 and at most
     *                           100
     * @param openFor how long a source stays paused: its calls fail at once, VENDOR_UNAVAILABLE with "circuit open"
     * @param trialCalls calls that then try a paused source; it is called normally again when they succeed
     */
    public record CircuitBreaker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("20") int windowCalls,
            @DefaultValue("50") float failureRatePercent,
            @DefaultValue("30s") Duration openFor,
            @DefaultValue("3") int trialCalls) {

        public CircuitBreaker {
            String prefix = PREFIX + ".circuit-breaker.";
            if (windowCalls < 1) {
                throw new InvalidSettingException(prefix + "window-calls: expected at least 1, got " + windowCalls);
            }
            if (minimumCalls < 1 || minimumCalls > windowCalls) {
                throw new InvalidSettingException(prefix + "minimum-calls: expected 1 to window-calls (" + windowCalls
                        + "), got " + minimumCalls);
            }
            if (!(failureRatePercent > 0 && failureRatePercent <= 100)) {
                throw new InvalidSettingException(prefix + "failure-rate-percent: expected more than 0 and at most"
                        + " 100, got " + failureRatePercent);
            }
            positive("circuit-breaker.open-for", openFor);
            if (trialCalls < 1) {
                throw new InvalidSettingException(prefix + "trial-calls: expected at least 1, got " + trialCalls);
            }
        }

        CircuitBreakerPolicy policy() {
            return new CircuitBreakerPolicy(enabled, minimumCalls, windowCalls, failureRatePercent, openFor,
                    trialCalls);
        }
    }

    /**
     * {@code trafficlens.cache.*}.
     *
     * @param enabled answer a planned call made before from memory (Caffeine); identical concurrent calls go out once
     * @param maximumCalls answers kept
     * @param closedWindows how long an answer for a window that ended over 30 minutes ago is kept
     * @param openWindows how long an answer for a window touching the present is kept; failures are never kept
     */
    public record Cache(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10000") long maximumCalls,
            @DefaultValue("6h") Duration closedWindows,
            @DefaultValue("1m") Duration openWindows) {

        /** A window that ended less than this long ago may still change, and is kept as an open one. */
        private static final Duration RECENT = Duration.ofMinutes(30);

        CachingTrafficSource.CacheSettings settings() {
            return new CachingTrafficSource.CacheSettings(maximumCalls, closedWindows, openWindows, RECENT);
        }
    }

    /**
     * {@code trafficlens.archive.*}.
     *
     * @param enabled keep every 5-minute sample seen in the database of spring.datasource.* (an H2 file under
     *                ~/.trafficlens by default) and answer from it first; false: no database, no links
     * @param keep how long samples are kept; older ones are purged daily
     */
    public record Archive(@DefaultValue("true") boolean enabled, @DefaultValue("760d") Duration keep) {

        public Archive {
            positive("archive.keep", keep);
        }
    }

    /**
     * {@code trafficlens.collector.*}.
     *
     * @param enabled collect every link on a schedule (Mutation.collect works either way); one replica at a time
     * @param interval time between the end of one scheduled collection and the start of the next
     * @param settle how far back each run re-reads a link to pick up late or revised samples
     */
    public record Collector(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5m") Duration interval,
            @DefaultValue("15m") Duration settle) {

        public Collector {
            positive("collector.interval", interval);
            if (settle.isNegative()) {
                throw new InvalidSettingException(PREFIX + ".collector.settle: expected zero or a positive duration"
                        + " such as 15m, got " + settle);
            }
        }
    }

    /**
     * {@code trafficlens.billing.*}: bills over the archived samples (docs/billing.md).
     *
     * @param grace how long after its end a billing period is closed and its figures stored; late and revised samples
     *              arriving within it still count
     */
    public record Billing(@DefaultValue("2d") Duration grace) {

        public Billing {
            if (grace.isNegative()) {
                throw new InvalidSettingException(PREFIX + ".billing.grace: expected zero or a positive duration"
                        + " such as 2d, got " + grace);
            }
        }
    }

    /**
     * {@code trafficlens.security.*}: who may do what (docs/security.md). With any live vendor key, start-up needs
     * tokens, a JWT issuer ({@code spring.security.oauth2.resourceserver.jwt.*}) or an explicit anonymous role.
     *
     * @param tokens API tokens, each a name, the hex SHA-256 of the token and a role; clients send
     *               Authorization: Bearer followed by the token
     * @param anonymousRole the role of a request without a token, VIEWER or EDITOR; unset, such a request is refused
     *                      with HTTP 401 wherever a token is configured or live vendor keys are given (every start
     *                      logs a WARN when set)
     * @param allowedOrigins browser origins (scheme://host[:port]) allowed to call the API across origins; none by
     *                       default, so CORS is closed
     * @param jwt how JWTs of the identity provider are read
     * @param failedAttempts the budget of failed authentications per client address
     * @param newToken given on the command line, prints a new token with this name and its hash, and exits
     */
    public record Security(
            List<Token> tokens,
            String anonymousRole,
            List<String> allowedOrigins,
            @DefaultValue Jwt jwt,
            @DefaultValue FailedAttempts failedAttempts,
            String newToken) {

        static final String PREFIX = TrafficlensProperties.PREFIX + ".security";

        public Security {
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            Map<String, Integer> names = new HashMap<>();
            Map<String, Integer> hashes = new HashMap<>();
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                String key = PREFIX + ".tokens[" + i + "]";
                token.check(key);
                Integer sameName = names.putIfAbsent(token.name().trim(), i);
                if (sameName != null) {
                    throw new InvalidSettingException(key + ".name: '" + token.name().trim() + "' is already the name"
                            + " of " + PREFIX + ".tokens[" + sameName + "]; each token needs a name of its own");
                }
                Integer sameHash = hashes.putIfAbsent(token.sha256().trim().toLowerCase(Locale.ROOT), i);
                if (sameHash != null) {
                    throw new InvalidSettingException(key + ".sha256: the same hash as " + PREFIX + ".tokens["
                            + sameHash + "].sha256; each token must be different");
                }
            }
            if (anonymousRole != null) {
                role(PREFIX + ".anonymous-role", anonymousRole);
            }
            for (int i = 0; i < allowedOrigins.size(); i++) {
                String origin = allowedOrigins.get(i);
                if (origin == null || !origin.trim().matches("https?://[^/\\s]+")) {
                    throw new InvalidSettingException(PREFIX + ".allowed-origins[" + i + "]: expected an origin such as"
                            + " https://dashboard.example.com (scheme, host and port, no path), got '" + origin + "'");
                }
            }
        }

        /** The role of a request without a token; empty unless {@code anonymous-role} is set. */
        public Optional<Role> anonymous() {
            return anonymousRole == null ? Optional.empty() : Optional.of(role(PREFIX + ".anonymous-role",
                    anonymousRole));
        }

        private static Role role(String key, String value) {
            return Role.named(value).orElseThrow(() -> new InvalidSettingException(key + ": expected one of "
                    + List.of(Role.values()) + ", got '" + value + "'"));
        }
    }

    /**
     * One API token, {@code trafficlens.security.tokens[i].*}. It holds no usable secret: only the token's hash.
     *
     * @param name who uses the token, e.g. grafana or ci; recorded as the caller
     * @param sha256 the SHA-256 of the token, 64 hexadecimal characters, as --trafficlens.security.new-token prints it
     * @param role VIEWER (every query) or EDITOR (every query and mutation)
     */
    public record Token(String name, String sha256, String role) {

        void check(String key) {
            if (name == null || name.isBlank()) {
                throw new InvalidSettingException(key + ".name: expected a name for the token, such as grafana");
            }
            if (sha256 == null || sha256.isBlank()) {
                throw new InvalidSettingException(key + ".sha256: expected the SHA-256 of the token (64 hexadecimal"
                        + " characters, as --trafficlens.security.new-token=NAME prints it), got nothing");
            }
            String hex = sha256.trim();
            // The value is never quoted: a token pasted here by mistake must not reach the logs.
            if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new InvalidSettingException(key + ".sha256: expected 64 hexadecimal characters (the SHA-256 of"
                        + " the token, as --trafficlens.security.new-token=NAME prints it), got " + hex.length()
                        + " characters" + (hex.length() == 64 ? " that are not all hexadecimal" : ""));
            }
            if (role == null) {
                throw new InvalidSettingException(key + ".role: expected one of " + List.of(Role.values())
                        + ", got nothing");
            }
            Security.role(key + ".role", role);
        }

        /** The hash's 32 bytes. */
        public byte[] hash() {
            return HexFormat.of().parseHex(sha256.trim().toLowerCase(Locale.ROOT));
        }

        public Role grantedRole() {
            return Security.role("role", role);
        }

        @Override
        public String toString() {
            return "Token[name=" + name + ", role=" + role + "]";
        }
    }

    /**
     * {@code trafficlens.security.jwt.*}; the issuer and keys are Spring's
     * {@code spring.security.oauth2.resourceserver.jwt.*}.
     *
     * @param roleClaim the claim holding the caller's roles, a string or a list (the highest known role counts); a
     *                  dotted name reads a nested claim, e.g. realm_access.roles
     */
    public record Jwt(@DefaultValue("roles") String roleClaim) {

        public Jwt {
            if (roleClaim.isBlank()) {
                throw new InvalidSettingException(Security.PREFIX + ".jwt.role-claim: expected a claim name such as"
                        + " roles, got nothing");
            }
        }
    }

    /**
     * {@code trafficlens.security.failed-attempts.*}.
     *
     * @param limit failed authentications one client address may make within a window; the next, and every request
     *              from that address until the window ends, gets HTTP 429
     * @param window how long a client address's failures are counted from its first one
     */
    public record FailedAttempts(@DefaultValue("20") int limit, @DefaultValue("1m") Duration window) {

        public FailedAttempts {
            if (limit < 1) {
                throw new InvalidSettingException(Security.PREFIX + ".failed-attempts.limit: expected at least 1, got "
                        + limit);
            }
            positive("security.failed-attempts.window", window);
        }
    }

    private static void atLeastOne(String limit, int value) {
        if (value < 1) {
            throw new InvalidSettingException(PREFIX + ".limits." + limit + ": expected at least 1, got " + value);
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(PREFIX + "." + key + ": expected a positive duration such as 5s, got "
                    + value);
        }
    }
}
