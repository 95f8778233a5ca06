package io.guestgate.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void consumesMatchingFaultsInOrderAndOnlyForTheirRoute() {
        FaultInjector injector = new FaultInjector();
        injector.add(Fault.status("post /v1/meetings", 503, 1));
        injector.add(Fault.status("* /v1/meetings/{id}", 429, 2).withRetryAfter(0));

        assertThat(injector.take("GET", "/v1/meetings")).isEmpty();
        assertThat(injector.take("POST", "/v1/meetings"))
                .get()
                .extracting(Fault::status)
                .isEqualTo(503);
        assertThat(injector.take("POST", "/v1/meetings")).isEmpty();
        assertThat(injector.take("DELETE", "/v1/meetings/abc"))
                .get()
                .extracting(Fault::retryAfterSeconds)
                .isEqualTo(0);
        assertThat(injector.pending()).singleElement().extracting(Fault::count).isEqualTo(1);
        assertThat(injector.take("GET", "/v1/meetings/abc")).isPresent();
        assertThat(injector.take("GET", "/v1/meetings/abc")).isEmpty();
        assertThat(injector.pending()).isEmpty();
    }

    @Test
    void rateLimitDefaultsToOneSecondRetryAfterAndBadFaultsAreRefused() {
        assertThat(Fault.status("GET /v1/people/me", 429, 1).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(Fault.status("GET /v1/people/me", 503, 1).retryAfterSeconds())
                .isNull();
        assertThatThrownBy(() -> Fault.status("/v1/people/me", 503, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.status("GET /v1/people/me", 200, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.status("GET /v1/people/me", 503, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
