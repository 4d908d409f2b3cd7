package dev.trafficlens.graphql;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The GraphQL service: scans only this package; the domain and adapters are wired by hand in {@link TrafficlensWiring}. */
@SpringBootApplication
public class TrafficlensApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrafficlensApplication.class, args);
    }
}
