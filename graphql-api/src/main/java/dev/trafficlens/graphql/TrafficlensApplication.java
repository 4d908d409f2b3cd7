package dev.trafficlens.graphql;

import dev.trafficlens.graphql.config.TrafficlensWiring;
import dev.trafficlens.graphql.security.NewTokenCommand;
import java.util.OptionalInt;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The GraphQL service: scans only {@code dev.trafficlens.graphql} and its packages; the domain and adapters are wired
 * by hand in {@link TrafficlensWiring}.
 */
@SpringBootApplication
public class TrafficlensApplication {

    public static void main(String[] args) {
        // Minting a token must not start the web server, open the archive or call a vendor: it is decided first.
        OptionalInt command = NewTokenCommand.run(args, System.out, System.err);
        if (command.isPresent()) {
            if (command.getAsInt() != 0) {
                System.exit(command.getAsInt());
            }
            return;
        }
        SpringApplication.run(TrafficlensApplication.class, args);
    }
}
