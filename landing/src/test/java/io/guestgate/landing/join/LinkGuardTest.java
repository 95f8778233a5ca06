package io.guestgate.landing.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.admission.AdmissionProperties;
import io.guestgate.domain.admission.MatchPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class LinkGuardTest {

    /** No stores and no Redis: a malformed token must be answered before any of them would be touched. */
    private final LinkGuard guard = new LinkGuard(
            null,
            null,
            null,
            new AdmissionProperties(
                    MatchPolicy.EMAIL, List.of(), 30, Duration.ofMinutes(5), Duration.ofSeconds(3), "en"),
            Clock.systemUTC());

    @Test
    void malformedTokensAreUnknownWithoutTouchingRedis() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/join/x"));

        for (String token : List.of("", "short", "x".repeat(44), "a".repeat(42) + "!", "../../etc/passwd")) {
            assertThat(guard.check(token, exchange, true).block()).as(token).isInstanceOf(LinkState.Unknown.class);
        }
    }
}
