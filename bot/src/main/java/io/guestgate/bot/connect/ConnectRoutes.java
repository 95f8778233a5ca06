package io.guestgate.bot.connect;

import io.guestgate.domain.account.LoginLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The two endpoints of the organizer's Webex account link. */
@Configuration(proxyBeanMethods = false)
class ConnectRoutes {

    static final String CALLBACK_PATH = "/oauth/webex/callback";

    @Bean
    RouterFunction<ServerResponse> accountLinkRoutes(ConnectHandler handler) {
        return RouterFunctions.route()
                .GET(LoginLinks.START_PATH, handler::start)
                .GET(CALLBACK_PATH, handler::callback)
                .build();
    }
}
