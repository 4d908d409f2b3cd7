package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.sandbox.VendorSandbox;
import graphql.ExecutionResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started as a user starts it (on a random port, with the given arguments), and the few archive
 * operations the restart, PostgreSQL and outage tests share. Closing it stops the application.
 */
final class ArchivedService implements AutoCloseable {

    final ConfigurableApplicationContext app;
    final DgsQueryExecutor dgs;

    private ArchivedService(ConfigurableApplicationContext app) {
        this.app = app;
        this.dgs = app.getBean(DgsQueryExecutor.class);
    }

    /** Started with the cache off, so that only the archive spares vendor calls. */
    static ArchivedService start(String... arguments) {
        String[] all = new String[arguments.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--trafficlens.cache.enabled=false";
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        return new ArchivedService(new SpringApplicationBuilder(TrafficlensApplication.class).run(all));
    }

    VendorSandbox sandbox() {
        return app.getBean(VendorSandbox.class);
    }

    ServiceClient http() {
        return new ServiceClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    String addLink(String privateConnectId) {
        ExecutionResult added = dgs.execute(LinksApiTest.ADD,
                LinksApiTest.linkInput("link " + privateConnectId, privateConnectId, List.of()));
        assertThat(added.getErrors()).isEmpty();
        return (String) ((Map<?, ?>) added.<Map<String, Object>>getData().get("addLink")).get("id");
    }

    /** Collects the link and returns its watermark afterwards. */
    @SuppressWarnings("unchecked")
    Instant collect(String linkId) {
        ExecutionResult run = dgs.execute(CollectorTest.COLLECT, Map.of("ids", List.of(linkId)));
        assertThat(run.getErrors()).isEmpty();
        assertThat((Map<String, Object>) run.<Map<String, Object>>getData().get("collect"))
                .containsEntry("skipped", false).containsEntry("failures", List.of());
        Map<?, ?> link = (Map<?, ?>) dgs.execute(CollectorTest.LINK, Map.of("id", linkId))
                .<Map<String, Object>>getData().get("link");
        return Instant.parse((String) link.get("collectedThrough"));
    }

    /** The link's traffic over {@code window} at 5 minutes: its provenance, warnings and series. */
    ExecutionResult query(String linkId, TimeWindow window) {
        return dgs.execute(CollectorTest.TRAFFIC, Map.of("queries", List.of(Map.of("link", linkId, "step", "5m",
                "from", window.from().toString(), "to", window.to().toString()))));
    }

    static Map<?, ?> provenance(ExecutionResult result) {
        List<?> traffic = (List<?>) result.<Map<String, Object>>getData().get("traffic");
        return (Map<?, ?>) ((Map<?, ?>) traffic.get(0)).get("provenance");
    }

    @Override
    public void close() {
        app.close();
    }
}
