package io.guestgate.domain.account;

import io.guestgate.platform.GuestgateProperties;
import java.net.URI;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Login links for chat: {@code {public-base-url}/oauth/webex/start?state=…}, usable once, for 10 minutes. */
@Service
public class LoginLinks {

    /** The path the bot serves the start of the login at; the callback is its sibling. */
    public static final String START_PATH = "/oauth/webex/start";

    private final ConnectStates states;
    private final GuestgateProperties properties;

    LoginLinks(ConnectStates states, GuestgateProperties properties) {
        this.states = states;
        this.properties = properties;
    }

    /**
     * A new login link for the chat person {@code personId}. Only that person's Webex account can complete it.
     * The link is a credential for 10 minutes: send it in a 1:1 space, never log it.
     */
    public Mono<URI> create(String personId) {
        return states.create(personId).map(state -> URI.create(properties.baseUrl() + START_PATH + "?state=" + state));
    }
}
