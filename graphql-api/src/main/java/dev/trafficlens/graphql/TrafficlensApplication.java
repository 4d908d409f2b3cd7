package dev.trafficlens.graphql;

import dev.trafficlens.graphql.config.TrafficlensWiring;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The GraphQL service: scans only {@code dev.trafficlens.graphql} and its packages; the domain and adapters are wired
 * by hand in {@link TrafficlensWiring}.
 */
@SpringBootApplication
public class TrafficlensApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrafficlensApplication.class, args);
    }
}
