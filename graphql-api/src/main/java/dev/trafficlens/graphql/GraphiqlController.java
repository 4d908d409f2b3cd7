package dev.trafficlens.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves {@code /graphiql} from the jar, scripts inline, so it works offline (Boot's page loads from a CDN). */
@RestController
public class GraphiqlController {

    private final String page;

    public GraphiqlController() throws IOException {
        try (InputStream in = new ClassPathResource("graphiql/index.html").getInputStream()) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping({"/graphiql", "/graphiql/"})
    public ResponseEntity<String> graphiql() {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(page);
    }
}
