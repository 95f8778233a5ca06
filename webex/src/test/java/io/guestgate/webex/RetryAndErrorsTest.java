package io.guestgate.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.webex.meetings.JoinLinks;
import io.guestgate.webex.meetings.JoinMeetingRequest;
import io.guestgate.webex.meetings.Meeting;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.people.Person;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/** Retries, timeouts and errors against a local HTTP server with scripted answers. */
class RetryAndErrorsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AccessToken TOKEN = AccessToken.of("organizer-token-retry");
    private static final String ME =
            "{\"id\":\"person-1\",\"emails\":[\"o@example.com\"],\"displayName\":\"Olga\",\"type\":\"person\"}";
    private static final String MEETING = "{\"id\":\"m-1\",\"title\":\"Q3\",\"start\":\"2030-05-01T10:00:00+02:00\"}";
    /** Backoff 200 ms, then 400 ms (each with jitter into its upper half); Retry-After honoured up to 5 s. */
    private static final RetrySettings RETRY =
            new RetrySettings(4, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(5));

    private final ScriptedServer server = new ScriptedServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private WebexClient client(RetrySettings retry) {
        return WebexClient.create(
                WebexClientSettings.defaults()
                        .withApiBaseUrl(server.apiBaseUrl())
                        .withRetry(retry),
                WebClient.builder());
    }

    @Test
    void waitsForRetryAfterThenBacksOffAfter503ThenSucceeds() {
        server.then(ScriptedServer.webexError(429, "Too many requests")
                        .newBuilder()
                        .setHeader("Retry-After", "1")
                        .build())
                .then(ScriptedServer.webexError(503, "Service unavailable"))
                .then(ScriptedServer.json(200, ME));

        Person me = client(RETRY).people().me(TOKEN).block(WAIT);

        assertThat(me.id()).isEqualTo("person-1");
        assertThat(server.arrivals())
                .hasSize(3)
                .allSatisfy(a -> assertThat(a.request().getHeaders().get("Authorization"))
                        .isEqualTo(TOKEN.bearer()));
        assertThat(server.gapMillis(1)).as("Retry-After: 1 honoured").isBetween(990L, 2_500L);
        assertThat(server.gapMillis(2))
                .as("second backoff: 400 ms with jitter into [200, 400]")
                .isBetween(195L, 1_500L);
    }

    @Test
    void postThatGets500IsSentExactlyOnce() {
        server.then(ScriptedServer.webexError(500, "Internal error")).then(ScriptedServer.json(200, MEETING));

        assertThatThrownBy(() -> client(RETRY)
                        .meetings()
                        .create(TOKEN, WebexClientContractTest.LOCKED_DOWN)
                        .block(WAIT))
                .isInstanceOfSatisfying(WebexApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.kind()).isEqualTo(WebexApiException.Kind.SERVER_ERROR);
                });
        // The call has failed, so it is over: a retry would have come before the failure did.
        assertThat(server.arrivals()).hasSize(1);
    }

    @Test
    void postIsRetriedAfter429WithRetryAfterCutToTheCap() {
        server.then(ScriptedServer.webexError(429, "Slow down")
                        .newBuilder()
                        .setHeader("Retry-After", "3600")
                        .build())
                .then(ScriptedServer.json(200, MEETING));
        RetrySettings capped =
                new RetrySettings(3, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(300));

        Meeting meeting = client(capped)
                .meetings()
                .create(TOKEN, WebexClientContractTest.LOCKED_DOWN)
                .block(WAIT);

        assertThat(meeting.id()).isEqualTo("m-1");
        assertThat(server.arrivals()).hasSize(2);
        assertThat(server.gapMillis(1)).as("Retry-After 3600 s cut to 300 ms").isBetween(295L, 2_000L);
    }

    @Test
    void postIsRetriedAfter423() {
        server.then(ScriptedServer.webexError(423, "Locked")
                        .newBuilder()
                        .setHeader("Retry-After", "0")
                        .build())
                .then(ScriptedServer.json(200, MEETING));

        assertThat(client(RETRY)
                        .meetings()
                        .create(TOKEN, WebexClientContractTest.LOCKED_DOWN)
                        .block(WAIT)
                        .id())
                .isEqualTo("m-1");
        assertThat(server.arrivals()).hasSize(2);
    }

    @Test
    void retriesAreBoundedByMaxAttempts() {
        for (int i = 0; i < 5; i++) {
            server.then(ScriptedServer.webexError(503, "Unavailable"));
        }
        RetrySettings three = new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofSeconds(1));

        assertThatThrownBy(() -> client(three).people().me(TOKEN).block(WAIT))
                .isInstanceOfSatisfying(
                        WebexApiException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(server.arrivals()).hasSize(3);
    }

    @Test
    void unauthorizedSurfacesAsTheTypedErrorWithWebexDetails() {
        server.then(ScriptedServer.json(401, """
                {"message":"The request requires a valid access token set in the Authorization request header.",
                 "errors":[{"description":"The request requires a valid access token set in the Authorization request header."}],
                 "trackingId":"ROUTER_5F3A"}"""));

        assertThatThrownBy(() -> client(RETRY).meetings().get(TOKEN, "m-1").block(WAIT))
                .isInstanceOfSatisfying(WebexApiException.class, e -> {
                    assertThat(e.isUnauthorized()).isTrue();
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.webexMessage()).startsWith("The request requires a valid access token");
                    assertThat(e.errorDescriptions()).hasSize(1);
                    assertThat(e.trackingId()).isEqualTo("ROUTER_5F3A");
                    assertThat(e.method()).isEqualTo("GET");
                    assertThat(e.path()).isEqualTo("/v1/meetings/m-1");
                    assertThat(e.getMessage()).doesNotContain(TOKEN.value());
                });
        assertThat(server.arrivals()).hasSize(1);
    }

    @Test
    void notFoundAndConflictAreTellable() {
        server.then(ScriptedServer.webexError(404, "Not found")).then(ScriptedServer.webexError(409, "Conflict"));
        WebexClient webex = client(RETRY);

        assertThatThrownBy(() -> webex.meetings().delete(TOKEN, "gone").block(WAIT))
                .isInstanceOfSatisfying(
                        WebexApiException.class, e -> assertThat(e.isNotFound()).isTrue());
        assertThatThrownBy(() -> webex.meetings().delete(TOKEN, "busy").block(WAIT))
                .isInstanceOfSatisfying(
                        WebexApiException.class, e -> assertThat(e.isConflict()).isTrue());
    }

    @Test
    void postIsNotRetriedWhenTheConnectionBreaksAfterItWasSent() {
        server.then(new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket())
                        .build())
                .then(ScriptedServer.json(200, MEETING));

        assertThatThrownBy(() -> client(RETRY)
                        .meetings()
                        .create(TOKEN, WebexClientContractTest.LOCKED_DOWN)
                        .block(WAIT))
                .isInstanceOfSatisfying(WebexApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WebexApiException.Kind.CONNECTION_FAILED);
                    assertThat(e.neverConnected()).isFalse();
                    assertThat(e.isConnectionFailure()).isTrue();
                });
        // The call has failed, so it is over: a retry would have come before the failure did.
        assertThat(server.arrivals()).hasSize(1);
    }

    @Test
    void getIsRetriedWhenTheConnectionBreaks() {
        server.then(new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket())
                        .build())
                .then(ScriptedServer.json(200, ME));

        assertThat(client(RETRY).people().me(TOKEN).block(WAIT).id()).isEqualTo("person-1");
        assertThat(server.arrivals()).hasSize(2);
    }

    @Test
    void postIsRetriedWhenNoConnectionCouldBeMade() throws Exception {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1");
        }
        AtomicInteger attempts = new AtomicInteger();
        WebClient.Builder counting = WebClient.builder().filter(ExchangeFilterFunction.ofRequestProcessor(request -> {
            attempts.incrementAndGet();
            return reactor.core.publisher.Mono.just(request);
        }));
        WebexClient webex = WebexClient.create(
                WebexClientSettings.defaults()
                        .withApiBaseUrl(closedPort)
                        .withRetry(new RetrySettings(
                                3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1))),
                counting);

        assertThatThrownBy(() -> webex.meetings()
                        .create(TOKEN, WebexClientContractTest.LOCKED_DOWN)
                        .block(WAIT))
                .isInstanceOfSatisfying(WebexApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WebexApiException.Kind.CONNECTION_FAILED);
                    assertThat(e.neverConnected()).isTrue();
                    assertThat(e.status()).isZero();
                });
        assertThat(attempts).hasValue(3);
    }

    @Test
    void slowAnswersTimeOutAndOnlyIdempotentCallsAreRepeated() {
        WebexClient webex = WebexClient.create(
                WebexClientSettings.defaults()
                        .withApiBaseUrl(server.apiBaseUrl())
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
                        .withRetry(new RetrySettings(
                                2, Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofSeconds(1))),
                WebClient.builder());
        server.then(ScriptedServer.json(200, ME)
                        .newBuilder()
                        .headersDelay(1, TimeUnit.SECONDS)
                        .build())
                .then(ScriptedServer.json(200, ME));

        assertThat(webex.people().me(TOKEN).block(WAIT).id()).isEqualTo("person-1");
        assertThat(server.arrivals()).hasSize(2);

        server.then(ScriptedServer.json(200, MEETING)
                        .newBuilder()
                        .headersDelay(1, TimeUnit.SECONDS)
                        .build())
                .then(ScriptedServer.json(200, MEETING));
        assertThatThrownBy(() -> webex.meetings()
                        .create(TOKEN, WebexClientContractTest.LOCKED_DOWN)
                        .block(WAIT))
                .isInstanceOfSatisfying(
                        WebexApiException.class, e -> assertThat(e.kind()).isEqualTo(WebexApiException.Kind.TIMEOUT));
        // The call has timed out, so it is over: a retry would have come before the failure did.
        assertThat(server.arrivals()).hasSize(3);
    }

    @Test
    void listFollowsNextLinksUntilTheLastPage() {
        String page2 = server.url("/v1/meetings?cursor=abc%3D&max=2").toString();
        server.then(ScriptedServer.json(200, "{\"items\":[{\"id\":\"m-1\"},{\"id\":\"m-2\"}]}")
                        .newBuilder()
                        .setHeader("Link", "<" + page2 + ">; rel=\"next\"")
                        .build())
                .then(ScriptedServer.json(200, "{\"items\":[{\"id\":\"m-3\"}]}"));

        List<Meeting> meetings = client(RETRY)
                .meetings()
                .list(TOKEN, io.guestgate.webex.meetings.MeetingListQuery.all().withPageSize(2))
                .collectList()
                .block(WAIT);

        assertThat(meetings).extracting(Meeting::id).containsExactly("m-1", "m-2", "m-3");
        assertThat(server.arrivals())
                .extracting(a -> a.request().getTarget())
                .containsExactly("/v1/meetings?max=2", "/v1/meetings?cursor=abc%3D&max=2");
        assertThat(server.arrivals().get(1).request().getHeaders().get("Authorization"))
                .isEqualTo(TOKEN.bearer());
    }

    @Test
    void refusesToSendTheTokenToANextLinkOnAnotherHost() {
        server.then(ScriptedServer.json(200, "{\"items\":[{\"id\":\"w-1\"}]}")
                .newBuilder()
                .setHeader("Link", "<https://elsewhere.example.com/v1/webhooks?cursor=x>; rel=\"next\"")
                .build());

        assertThatThrownBy(
                        () -> client(RETRY).webhooks().list(TOKEN).collectList().block(WAIT))
                .isInstanceOfSatisfying(
                        WebexApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(WebexApiException.Kind.INVALID_RESPONSE));
        assertThat(server.arrivals()).hasSize(1);
    }

    @Test
    void joinAnsweredWithARedirectGivesTheLinkFromItsLocation() {
        String link = "https://site.webex.com/wbxmjs/joinservice/sites/site/meeting/download/abc?ticket=secret";
        server.then(
                new MockResponse.Builder().code(302).setHeader("Location", link).build());

        JoinLinks links = client(RETRY)
                .meetings()
                .join(TOKEN, new JoinMeetingRequest("m-1", null, null, true, "anna@example.com", "Anna", 5, null, null))
                .block(WAIT);

        assertThat(links.joinLink()).isEqualTo(link);
        assertThat(links.toString()).doesNotContain("ticket");
        assertThat(server.arrivals()).hasSize(1);
    }

    @Test
    void joinRedirectWithoutALocationIsAnInvalidResponse() {
        server.then(new MockResponse.Builder().code(302).build());

        assertThatThrownBy(() -> client(RETRY)
                        .meetings()
                        .join(TOKEN, JoinMeetingRequest.forGuest("m-1", "Anna", "anna@example.com", 5))
                        .block(WAIT))
                .isInstanceOfSatisfying(
                        WebexApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(WebexApiException.Kind.INVALID_RESPONSE));
    }

    @Test
    void guestJoinLinksAskForTheLinkInTheBody() {
        assertThat(JoinMeetingRequest.forGuest("m-1", "Anna", "anna@example.com", 5)
                        .joinDirectly())
                .isFalse();
    }
}
