package io.guestgate.domain.serviceapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a Service App token is due for its refresh, by its life and {@code guestgate.service-app.refresh-before}. */
class ServiceAppPairTest {

    static final Instant ISSUED = Instant.parse("2030-03-01T08:00:00Z");
    static final Duration DAY = Duration.ofDays(1);

    static ServiceAppPair living(Duration life) {
        return new ServiceAppPair("access", ISSUED, ISSUED.plus(life), "refresh", ISSUED.plus(Duration.ofDays(90)));
    }

    @Test
    void aFourteenDayTokenIsRefreshedADayAhead() {
        assertThat(living(Duration.ofDays(14)).refreshAt(DAY)).isEqualTo(ISSUED.plus(Duration.ofDays(13)));
    }

    @Test
    void anHourLongTokenIsRefreshedAtHalfItsLife() {
        assertThat(living(Duration.ofHours(1)).refreshAt(DAY)).isEqualTo(ISSUED.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aConfiguredTokenOfUnknownLifeIsDueAtOnceButCountsAsWorking() {
        ServiceAppPair configured = new ServiceAppPair("access", null, null, "refresh", null);

        assertThat(configured.refreshAt(DAY)).isEqualTo(Instant.MIN);
        assertThat(configured.accessExpiredAt(ISSUED)).isFalse();
        assertThat(configured.refreshExpiredAt(ISSUED)).isFalse();
    }

    @Test
    void expiresAtItsExpiryNotBefore() {
        ServiceAppPair pair = living(Duration.ofHours(1));

        assertThat(pair.accessExpiredAt(ISSUED.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(pair.accessExpiredAt(ISSUED.plus(Duration.ofHours(1)))).isTrue();
    }

    @Test
    void toStringAndCredentialsNameNoSecret() {
        ServiceAppCredentials credentials =
                new ServiceAppCredentials("access-123", "refresh-456", "client-1", "secret-789");

        assertThat(new ServiceAppPair("tok-123", null, null, "ref-456", null).toString())
                .doesNotContain("tok-123", "ref-456");
        assertThat(credentials.toString())
                .contains("client-1")
                .doesNotContain("access-123", "refresh-456", "secret-789");
        assertThat(credentials.fingerprint()).hasSize(64).doesNotContain("refresh-456");
    }
}
