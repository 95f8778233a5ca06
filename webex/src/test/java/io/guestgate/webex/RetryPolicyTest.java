package io.guestgate.webex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetrySettings SETTINGS =
            new RetrySettings(6, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2));

    @Test
    void backoffDoublesUpToTheCapWithJitterInTheUpperHalf() {
        RetryPolicy low = new RetryPolicy(SETTINGS, () -> 0.0);
        RetryPolicy high = new RetryPolicy(SETTINGS, () -> 0.999_999);

        assertThat(List.of(2, 3, 4, 5).stream().map(low::backoff).map(Duration::toMillis))
                .containsExactly(50L, 100L, 200L, 250L);
        assertThat(List.of(2, 3, 4, 5).stream().map(high::backoff).map(Duration::toMillis))
                .containsExactly(99L, 199L, 399L, 499L);
    }

    @Test
    void decidesPerStatusAndMethod() {
        RetryPolicy policy = new RetryPolicy(SETTINGS, () -> 0.5);
        WebexApiException serverError =
                WebexApiException.ofResponse(502, "POST", "/v1/meetings", null, List.of(), null, null);
        WebexApiException rateLimited = WebexApiException.ofResponse(
                429, "POST", "/v1/meetings", null, List.of(), null, Duration.ofSeconds(60));
        WebexApiException badRequest =
                WebexApiException.ofResponse(400, "GET", "/v1/meetings", null, List.of(), null, null);

        assertThat(policy.delayBefore(2, serverError, true)).isPresent();
        assertThat(policy.delayBefore(2, serverError, false)).as("POST 5xx").isEmpty();
        assertThat(policy.delayBefore(2, rateLimited, false)).contains(Duration.ofSeconds(2));
        assertThat(policy.delayBefore(2, badRequest, true)).isEmpty();
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        assertThat(WebexFailures.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(WebexFailures.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(WebexFailures.retryAfter("soon")).isNull();
    }
}
