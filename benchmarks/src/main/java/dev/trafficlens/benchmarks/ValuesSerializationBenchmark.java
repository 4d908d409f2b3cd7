package dev.trafficlens.benchmarks;

import dev.trafficlens.graphql.TrafficlensApplication;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost of sending long series: the warm 30-day five-source query asking for {@code values}, through the running
 * service's own GraphQL stack (the application started once, with its in-process vendor sandbox and cache), against
 * Jackson writing the same numbers as plain {@code double[]}s. Their ratio is the price of GraphQL on top of the JSON.
 *
 * <p>{@code serviceValuesQuery} does what an HTTP request to {@code /graphql} does once the body is read: the
 * application's {@link WebGraphQlHandler} (its interceptors, DGS, graphql-java, the data fetchers and the vendor cache)
 * answers, and the application's {@link JsonMapper}, the one its HTTP message converter uses, writes
 * {@code response.toMap()} to a byte stream. The set-up checks those bytes are exactly what {@code POST /graphql}
 * answers, so the benchmark times the service's path and not a look-alike.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ValuesSerializationBenchmark {

    private static final String FIELDS = "key source series { direction quantity step start values }";
    /** The load driver's dashboard: a day of the five links, with values, stats and billing. */
    private static final String DASHBOARD_FIELDS = "key source billing95 series { direction quantity unit step start "
            + "values stats(percentiles: [50, 95, 99]) { count missing coverage min max avg percentiles { p value } } }";

    private ConfigurableApplicationContext application;
    private WebGraphQlHandler graphql;
    private JsonMapper json;
    private Map<String, Object> body;
    private Map<String, Object> dashboard;
    private Map<String, Object> floor;
    private double[][] sameNumbers;
    private int expectedBytes;

    @Setup(Level.Trial)
    public void startService() throws Exception {
        application = new SpringApplication(TrafficlensApplication.class).run(
                "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                // A 30-day window always reaches the present (the vendors keep 30 days), and answers for windows
                // touching the present are kept for a minute by default: keep them for the whole run, so every
                // measured query is the warm one and none pays a vendor round now and then.
                "--trafficlens.cache.open-windows=2h");
        graphql = application.getBean(WebGraphQlHandler.class);
        json = application.getBean(JsonMapper.class);

        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        body = Map.of("query", query(FIELDS), "variables",
                Map.of("from", to.minus(Duration.ofDays(30)).toString(), "to", to.toString()));
        Instant dayEnd = Instant.now().truncatedTo(ChronoUnit.DAYS);
        dashboard = Map.of("query", query(DASHBOARD_FIELDS), "variables",
                Map.of("from", dayEnd.minus(Duration.ofDays(1)).toString(), "to", dayEnd.toString()));
        floor = Map.of("query", "{ sources { id vendor configured defaultStep retentionDays } }");

        for (Map<String, Object> other : List.of(dashboard, floor)) {
            byte[] answer = execute(other).toByteArray();
            if (new String(answer, java.nio.charset.StandardCharsets.UTF_8).contains("\"errors\"")) {
                throw new IllegalStateException("the benchmark query failed: " + new String(answer, 0, Math.min(500, answer.length)));
            }
        }
        byte[] cold = serviceValuesQuery().toByteArray();
        byte[] warm = serviceValuesQuery().toByteArray();
        byte[] overHttp = postOverHttp();
        if (!Arrays.equals(warm, overHttp) || !Arrays.equals(cold, warm)) {
            throw new IllegalStateException("the in-process answer is not what POST /graphql answers: "
                    + new String(warm, 0, Math.min(500, warm.length)) + " ... against "
                    + new String(overHttp, 0, Math.min(500, overHttp.length)));
        }
        Map<?, ?> answer = json.readValue(warm, Map.class);
        if (answer.containsKey("errors")) {
            throw new IllegalStateException("the benchmark query failed: " + answer.get("errors"));
        }
        sameNumbers = valuesOf(answer);
        expectedBytes = warm.length;
        long numbers = Arrays.stream(sameNumbers).mapToLong(values -> values.length).sum();
        System.err.printf(Locale.ROOT, "%n%d series, %,d values, answer %,d bytes; the same double[]s as JSON %,d bytes%n",
                sameNumbers.length, numbers, warm.length, jacksonDoubleArrays().size());
    }

    @TearDown(Level.Trial)
    public void stopService() {
        if (application != null) {
            application.close();
        }
    }

    /** The warm query through the service's GraphQL stack, written as its HTTP converter writes it. */
    @Benchmark
    public ByteArrayOutputStream serviceValuesQuery() {
        return execute(body);
    }

    /** The load driver's warm dashboard query (a day of five links with stats), in-process: what it costs the service. */
    @Benchmark
    public ByteArrayOutputStream serviceDashboardQuery() {
        return execute(dashboard);
    }

    /** The load driver's floor, {@code { sources { ... } }}, in-process. */
    @Benchmark
    public ByteArrayOutputStream serviceSourcesQuery() {
        return execute(floor);
    }

    private ByteArrayOutputStream execute(Map<String, Object> query) {
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), jsonHeaders(), null,
                null, Map.of(), query, "benchmark", Locale.ROOT);
        WebGraphQlResponse response = graphql.handleRequest(request).block();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(expectedBytes, 8192) + 1024);
        json.writeValue(out, response.toMap());
        return out;
    }

    /** The floor: the same numbers as {@code double[]}s, written by the same Jackson mapper. */
    @Benchmark
    public ByteArrayOutputStream jacksonDoubleArrays() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(expectedBytes + 1024);
        json.writeValue(out, sameNumbers);
        return out;
    }

    private static String query(String fields) {
        return "query Month($from: DateTime!, $to: DateTime!) { traffic(queries: ["
                + "{key: \"tunnel\", from: $from, to: $to, resource: {tencentVpnConnection: {region: \"ap-guangzhou\", "
                + "vpcId: \"vpc-1\", vpnGwId: \"vpngw-1\", vpnConnId: \"vpnx-bench\"}}} "
                + "{key: \"mna\", from: $from, to: $to, resource: {tencentMnaRegion: {gatewayType: 0, accessRegion: \"AP\"}}} "
                + "{key: \"sdwan\", from: $from, to: $to, resource: {qingcloudWan: {zone: \"pek3\", resource: \"wacc-bench\", "
                + "accessType: \"cpe\"}}} "
                + "{key: \"pc\", from: $from, to: $to, resource: {zenlayerPrivateConnect: {privateConnectId: \"pc-bench\"}}} "
                + "{key: \"cr\", from: $from, to: $to, resource: {zenlayerCloudRouter: {cloudRouterId: \"cr-bench\", "
                + "sourceDcId: \"dc-a\", destinationDcId: \"dc-z\"}}}"
                + "]) { " + fields + " } }";
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_GRAPHQL_RESPONSE));
        return headers;
    }

    private byte[] postOverHttp() throws Exception {
        String port = application.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", MediaType.APPLICATION_GRAPHQL_RESPONSE_VALUE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /graphql answered " + response.statusCode());
        }
        return response.body();
    }

    /** Every series' {@code values} in the answer, null as NaN: the numbers the service wrote. */
    private static double[][] valuesOf(Map<?, ?> answer) {
        List<double[]> all = new ArrayList<>();
        for (Object result : (List<?>) ((Map<?, ?>) answer.get("data")).get("traffic")) {
            for (Object series : (List<?>) ((Map<?, ?>) result).get("series")) {
                List<?> values = (List<?>) ((Map<?, ?>) series).get("values");
                double[] numbers = new double[values.size()];
                for (int i = 0; i < numbers.length; i++) {
                    numbers[i] = values.get(i) == null ? Double.NaN : ((Number) values.get(i)).doubleValue();
                }
                all.add(numbers);
            }
        }
        return all.toArray(double[][]::new);
    }
}
