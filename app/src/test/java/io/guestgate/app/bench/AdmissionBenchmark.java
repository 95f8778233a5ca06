package io.guestgate.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.app.scale.GuestFlow;
import io.guestgate.app.scale.ScaleWorld;
import io.guestgate.domain.cluster.RedisServerProcess;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.platform.redis.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Admission: guests one after another, each from the identity provider's callback (mock-oauth2-server) to the minted
 * guest token (the emulator's {@code POST /v1/guests/token}): the code exchange and ID token check, the identity
 * match and binding, the admission page, the meeting page and the POST that mints the token. Only GuestGate's answers
 * are timed; the browser's hops to the identity provider are not. GuestGate runs in this JVM here, so that the test
 * can store the invitations directly.
 */
@Tag("benchmark")
class AdmissionBenchmark {

    static final int WARM_UP = 30;
    static final int GUESTS = 300;

    @Test
    void fromTheIdentityProvidersCallbackToTheGuestToken() {
        double loadBefore = BenchReport.loadAverage();
        try (RedisServerProcess redis = RedisServerProcess.startStandalone();
                ScaleWorld world = ScaleWorld.start(
                        new ScaleWorld.Options().instances(1).redis(RedisServerProcess.HOST, redis.port()))) {
            Meeting meeting = world.storedMeeting(
                    "Admission " + Ids.random(5), Instant.now().minus(Duration.ofMinutes(5)));
            long[] server = new long[GUESTS];
            for (int i = 0; i < WARM_UP + GUESTS; i++) {
                String email = "guest" + i + "@example.com";
                ScaleWorld.InvitedGuest guest = world.invite(0, meeting, "Guest Number" + i, email);
                world.nextGuestLogin("guest-" + guest.invitation().id(), "Guest", "Number" + i, email);
                GuestFlow.Admitted admitted = GuestFlow.admit(world.instanceUrl(0), guest.token());
                assertThat(admitted.displayName()).isEqualTo("Guest Number" + i);
                if (i >= WARM_UP) {
                    server[i - WARM_UP] = admitted.callbackNanos();
                }
            }
            double loadAfter = BenchReport.loadAverage();
            assertThat(world.webex().requests("POST", "/v1/guests/token"))
                    .filteredOn(entry -> entry.status() == 200)
                    .hasSize(WARM_UP + GUESTS);
            Arrays.sort(server);
            double mean = Arrays.stream(server).average().orElse(0) / 1e6;
            String md = String.format(
                    Locale.ROOT,
                    "| guests | p50 | p99 | mean | max |%n|---|---|---|---|---|%n"
                            + "| %d (after %d to warm up) | **%s** | **%s** | %s | %s |%n%n"
                            + "- Guest token mode `service-app`, match policy `email`; every guest got a token in their "
                            + "verified name.%n- %s%n",
                    GUESTS,
                    WARM_UP,
                    BenchReport.ms(percentile(server, 50)),
                    BenchReport.ms(percentile(server, 99)),
                    BenchReport.ms(mean),
                    BenchReport.ms(server[server.length - 1] / 1e6),
                    BenchReport.machine(loadBefore, loadAfter));
            BenchReport.publish("admission", md);
        }
    }

    private static double percentile(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
