package io.guestgate.landing.verify;

import java.net.URI;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The identity check did not complete: cancelled at the provider, a replayed or forged callback, a bad nonce. The
 * guest gets a page that says so; the log gets the OAuth error code only, never the request (it carries the code).
 */
@Component
class LoginFailureHandler implements ServerAuthenticationFailureHandler {

    private static final Log log = LogFactory.getLog(LoginFailureHandler.class);

    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        String reason = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : exception.getClass().getSimpleName();
        log.info("Identity check did not complete: " + reason);
        return redirect.sendRedirect(webFilterExchange.getExchange(), URI.create(LoginPagesController.FAILED));
    }
}
