package io.guestgate.emulator;

import java.time.Duration;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A WebTestClient against a running emulator, with a bearer token when one is given. */
public final class TestHttp {

    public static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    private TestHttp() {}

    public static WebTestClient client(WebexEmulator webex) {
        return WebTestClient.bindToServer()
                .baseUrl(webex.baseUrl())
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static WebTestClient client(WebexEmulator webex, String token) {
        return WebTestClient.bindToServer()
                .baseUrl(webex.baseUrl())
                .responseTimeout(Duration.ofSeconds(10))
                .defaultHeaders(h -> h.setBearerAuth(token))
                .build();
    }
}
