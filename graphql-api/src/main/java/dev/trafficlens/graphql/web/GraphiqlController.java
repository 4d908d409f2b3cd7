package dev.trafficlens.graphql.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves GraphiQL at {@code /graphiql}: {@code graphiql/index.html}, loading GraphiQL and React from the webjars on the
 * classpath (Boot serves them at {@code /webjars/**}), so nothing comes from a CDN and the page works offline.
 * The webjars' versions are read from their own jars, so the page follows the versions pinned in the root pom.
 */
@RestController
public class GraphiqlController {

    private static final List<String> WEBJARS = List.of("graphiql", "react", "react-dom");

    private final String page;

    public GraphiqlController() {
        String template = read("graphiql/index.html");
        for (String webjar : WEBJARS) {
            template = template.replace("@" + webjar + ".version@", webjarVersion(webjar));
        }
        page = template;
    }

    @GetMapping({"/graphiql", "/graphiql/"})
    public ResponseEntity<String> graphiql() {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(page);
    }

    private static String webjarVersion(String webjar) {
        String path = "META-INF/maven/org.webjars.npm/" + webjar + "/pom.properties";
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("GraphiQL needs the webjar org.webjars.npm:" + webjar
                    + " on the classpath (no " + path + ")", e);
        }
        String version = properties.getProperty("version");
        if (version == null) {
            throw new IllegalStateException("GraphiQL: no version in " + path);
        }
        return version;
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
