package io.guestgate.bot.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.WebexEmulator;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Plays the organizer's browser: opens the login link at GuestGate, follows the redirect to the emulator's
 * {@code /authorize}, and brings Webex's redirect back to GuestGate's callback. The registered redirect URI names
 * {@code localhost:8080}; like a browser on that host, the callback goes to wherever the test app listens.
 */
final class ConnectBrowser {

    private static final Pattern CONSENT_REQUEST = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");

    private final String base;
    private final WebTestClient guestgate;
    private final WebexEmulator webex;
    private final WebClient toWebex = WebClient.create();

    ConnectBrowser(int port, WebexEmulator webex) {
        this.base = "http://localhost:" + port;
        this.guestgate = WebTestClient.bindToServer().build();
        this.webex = webex;
    }

    /** {@code GET /oauth/webex/start?state=…}, the link as sent in chat (path and query; the host is the test app). */
    EntityExchangeResult<String> open(URI loginLink, String acceptLanguage) {
        return get(loginLink.getRawPath() + "?" + loginLink.getRawQuery(), acceptLanguage);
    }

    /** The emulator's answer to the authorize redirect, with someone signed in: the callback URL. */
    URI authorize(URI authorizeUrl) {
        ClientResponse response =
                toWebex.get().uri(authorizeUrl).exchangeToMono(Mono::just).block();
        assertThat(response.statusCode()).isEqualTo(HttpStatus.FOUND);
        return response.headers().asHttpHeaders().getLocation();
    }

    /** With nobody signed in, the emulator shows its consent page; this presses "Deny" on it. */
    URI deny(URI authorizeUrl) {
        String page = toWebex.get()
                .uri(authorizeUrl)
                .retrieve()
                .bodyToMono(String.class)
                .block();
        Matcher request = CONSENT_REQUEST.matcher(page);
        assertThat(request.find()).as("consent page with a request id").isTrue();
        ClientResponse response = toWebex.post()
                .uri(webex.baseUrl() + "/_emulator/authorize/consent")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("request", request.group(1)).with("deny", "1"))
                .exchangeToMono(Mono::just)
                .block();
        assertThat(response.statusCode()).isEqualTo(HttpStatus.FOUND);
        return response.headers().asHttpHeaders().getLocation();
    }

    /** Webex's redirect, delivered to GuestGate. */
    EntityExchangeResult<String> callback(URI callbackUrl, String acceptLanguage) {
        assertThat(callbackUrl.getPath()).isEqualTo("/oauth/webex/callback");
        return get(callbackUrl.getRawPath() + "?" + callbackUrl.getRawQuery(), acceptLanguage);
    }

    EntityExchangeResult<String> get(String pathAndQuery, String acceptLanguage) {
        // An absolute URI is sent as it is, without a second round of encoding.
        return guestgate
                .get()
                .uri(URI.create(base + pathAndQuery))
                .headers(headers -> {
                    if (acceptLanguage != null) {
                        headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
                    }
                })
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    static String query(URI uri, String name) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(name);
    }
}
