package io.guestgate.emulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.faults.Fault;
import io.guestgate.emulator.journal.JournalEntry;
import io.guestgate.webex.RetrySettings;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.WebexClientSettings;
import io.guestgate.webex.meetings.Meeting;
import io.guestgate.webex.meetings.MeetingRequest;
import io.guestgate.webex.meetings.UnlockedMeetingJoinSecurity;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.people.Person;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;

/** Issue "Done when" 4: the emulator's fault injection drives the client's retry path. */
class ClientRetryAgainstEmulatorTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static WebexEmulatorExtension emulator = WebexEmulatorExtension.withDefaults();

    WebexEmulator webex;
    WebexClient client;
    AccessToken organizer;

    @BeforeEach
    void setUp() {
        webex = emulator.get();
        webex.clearRequests();
        webex.clearFaults();
        client = WebexClient.create(
                WebexClientSettings.defaults()
                        .withApiBaseUrl(URI.create(webex.apiBaseUrl()))
                        .withRetry(new RetrySettings(
                                3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(2))),
                WebClient.builder());
        organizer = AccessToken.of(webex.seed().organizer().accessToken());
    }

    List<Integer> statuses(String method, String path) {
        return webex.requests(method, path).stream().map(JournalEntry::status).toList();
    }

    @Test
    void honoursRetryAfterOn429ThenSucceeds() {
        webex.injectFault(Fault.status("GET /v1/people/me", 429, 1).withRetryAfter(1));
        long started = System.nanoTime();

        Person me = client.people().me(organizer).block(WAIT);

        assertThat(me.id()).isEqualTo(webex.seed().organizer().id());
        assertThat(statuses("GET", "/v1/people/me")).containsExactly(429, 200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void doesNotRetry503OnPost() {
        webex.injectFault(Fault.status("POST /v1/meetings", 503, 1));

        assertThatThrownBy(() -> client.meetings()
                        .create(organizer, meeting("Once only"))
                        .block(WAIT))
                .isInstanceOfSatisfying(WebexApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.trackingId()).isNotBlank();
                });
        assertThat(statuses("POST", "/v1/meetings")).containsExactly(503);
        assertThat(webex.meetings()).extracting(m -> m.title()).doesNotContain("Once only");
    }

    @Test
    void retries503OnGetWithBackoff() {
        Meeting created =
                client.meetings().create(organizer, meeting("Retry read")).block(WAIT);
        webex.injectFault(Fault.status("GET /v1/meetings/{id}", 503, 2));

        Meeting read = client.meetings().get(organizer, created.id()).block(WAIT);

        assertThat(read.id()).isEqualTo(created.id());
        assertThat(statuses("GET", "/v1/meetings/" + created.id())).containsExactly(503, 503, 200);
    }

    @Test
    void retriesPostOn429Too() {
        webex.injectFault(Fault.status("POST /v1/meetings", 429, 1).withRetryAfter(0));

        Meeting created =
                client.meetings().create(organizer, meeting("After rate limit")).block(WAIT);

        assertThat(created.title()).isEqualTo("After rate limit");
        assertThat(statuses("POST", "/v1/meetings")).containsExactly(429, 200);
    }

    static MeetingRequest meeting(String title) {
        OffsetDateTime start =
                OffsetDateTime.now(ZoneId.of("Europe/Vienna")).plusDays(1).truncatedTo(ChronoUnit.HOURS);
        return MeetingRequest.builder(title, start, start.plusMinutes(30))
                .timezone("Europe/Vienna")
                .unlockedMeetingJoinSecurity(UnlockedMeetingJoinSecurity.ALLOW_JOIN_WITH_LOBBY)
                .sendEmail(false)
                .build();
    }
}
