package dev.trafficlens.graphql;

import java.security.Principal;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A page of the tests' own, {@code GET /test/who-am-i}, answering the name {@code HttpServletRequest.getUserPrincipal()}
 * gives, as the audit log will read it ({@code none} without a principal). Like every page but the open ones it needs
 * a viewer.
 */
@TestConfiguration(proxyBeanMethods = false)
class WhoAmI {

    static final String PATH = "/test/who-am-i";

    @Bean
    RouterFunction<ServerResponse> whoAmIPage() {
        return RouterFunctions.route().GET(PATH, request -> {
            Principal principal = request.servletRequest().getUserPrincipal();
            return ServerResponse.ok().body(principal == null ? "none" : principal.getName());
        }).build();
    }
}
