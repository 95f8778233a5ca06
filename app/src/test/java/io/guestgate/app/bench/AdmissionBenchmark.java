package io.guestgate.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.app.scale.GuestFlow;
import io.guestgate.app.scale.ScaleWorld;
import io.guestgate.domain.cluster.RedisServerProcess;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.platform.redis.Ids;
import io.micrometer.core.instrument.MeterRegistry;
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
            long[] own = new long[GUESTS];
            long[][] waited = new long[Waiting.Peer.values().length][GUESTS];
            Waiting waiting = new Waiting(world.instance(0).getBean(MeterRegistry.class));
            for (int i = 0; i < WARM_UP + GUESTS; i++) {
                String email = "guest" + i + "@example.com";
                ScaleWorld.InvitedGuest guest = world.invite(0, meeting, "Guest Number" + i, email);
                world.nextGuestLogin("guest-" + guest.invitation().id(), "Guest", "Number" + i, email);
                if (i == WARM_UP) {
                    waiting = new Waiting(world.instance(0).getBean(MeterRegistry.class));
                }
                GuestFlow.Admitted admitted =
                        GuestFlow.admit(world.instanceUrl(0), guest.token(), waiting::before, waiting::after);
                long[] peers = waiting.take();
                assertThat(admitted.displayName()).isEqualTo("Guest Number" + i);
                if (i >= WARM_UP) {
                    server[i - WARM_UP] = admitted.callbackNanos();
                    own[i - WARM_UP] =
                            admitted.callbackNanos() - Arrays.stream(peers).sum();
                    for (int p = 0; p < peers.length; p++) {
                        waited[p][i - WARM_UP] = peers[p];
                    }
                }
            }
            double loadAfter = BenchReport.loadAverage();
            assertThat(world.webex().requests("POST", "/v1/guests/token"))
                    .filteredOn(entry -> entry.status() == 200)
                    .hasSize(WARM_UP + GUESTS);
            StringBuilder md = new StringBuilder(String.format(
                    Locale.ROOT,
                    "| %d guests (after %d to warm up) | p50 | p99 | mean | max |%n|---|---|---|---|---|%n",
                    GUESTS,
                    WARM_UP));
            md.append(row("**whole** server time, callback → guest token", server, true));
            md.append(row("**GuestGate's own** (whole minus waiting)", own, true));
            md.append(row("waiting on the identity provider (token, userinfo)", waited[0], false));
            md.append(row("waiting on Webex (guest token)", waited[1], false));
            md.append(row("waiting on Redis (every command, summed)", waited[2], false));
            md.append(String.format(
                    Locale.ROOT,
                    "%n- Guest token mode `service-app`, match policy `email`; every guest got a token in their "
                            + "verified name.%n- Waiting per guest, mean, by GuestGate's timer: %s.%n- %s%n",
                    perTimer(waiting),
                    BenchReport.machine(loadBefore, loadAfter)));
            BenchReport.publish("admission", md.toString());
        }
    }

    private static String row(String what, long[] nanos, boolean bold) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        String p50 = BenchReport.ms(percentile(sorted, 50));
        String p99 = BenchReport.ms(percentile(sorted, 99));
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s |%n",
                what,
                bold ? "**" + p50 + "**" : p50,
                bold ? "**" + p99 + "**" : p99,
                BenchReport.ms(Arrays.stream(sorted).average().orElse(0) / 1e6),
                BenchReport.ms(sorted[sorted.length - 1] / 1e6));
    }

    private static String perTimer(Waiting waiting) {
        StringBuilder out = new StringBuilder();
        waiting.totalsMillis()
                .forEach((timer, millis) -> out.append(out.length() == 0 ? "" : "; ")
                        .append('`')
                        .append(timer)
                        .append("` ")
                        .append(BenchReport.ms(millis / GUESTS)));
        return out.toString();
    }

    private static double percentile(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
