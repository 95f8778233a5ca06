package io.guestgate.landing.verify;

import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * After the identity provider vouched for the guest: back to the admission step of the invitation the login was
 * started for, and only that one. A login that nobody started from a personal link leads nowhere.
 */
@Component
class LoginSuccessHandler implements ServerAuthenticationSuccessHandler {

    private final GuestSession guestSession;
    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    LoginSuccessHandler(GuestSession guestSession) {
        this.guestSession = guestSession;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
        return webFilterExchange
                .getExchange()
                .getSession()
                .map(session -> guestSession
                        .pendingLinkToken(session)
                        .map(token -> URI.create("/join/" + token + "/admission"))
                        .orElse(URI.create(LoginPagesController.UNFINISHED)))
                .flatMap(location -> redirect.sendRedirect(webFilterExchange.getExchange(), location));
    }
}
