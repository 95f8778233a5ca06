package io.guestgate.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.app.scale.GuestFlow;
import io.guestgate.app.scale.ScaleWorld;
import io.guestgate.domain.cluster.RedisServerProcess;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.meetings.Participant;
import io.guestgate.platform.redis.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The door: from a verified guest's entering the Webex lobby (the widget joining with the guest token, at the
 * emulator) to GuestGate's admitting them (the emulator's admission time), for {@value #GUESTS} guests, twice: driven
 * by the organizer's {@code meetingParticipants} webhooks, and by polling alone (every webhook of that resource
 * dropped at the emulator). Guests verify and get their token first, untimed; then they enter the lobby in groups of
 * {@value #GROUP}, one group per meeting, and the next group goes once the last one is in.
 */
@Tag("benchmark")
class LobbyBenchmark {

    static final int GUESTS = 200;
    static final int GROUP = 10;
    static final int WARM_UP = 20;

    @Test
    void fromTheLobbyToAdmittedByWebhooksAndByPollingAlone() {
        double loadBefore = BenchReport.loadAverage();
        try (RedisServerProcess redis = RedisServerProcess.startStandalone();
                ScaleWorld world = ScaleWorld.start(
                        new ScaleWorld.Options().instances(1).redis(RedisServerProcess.HOST, redis.port()))) {
            world.deliverWebhooksThroughBalancer();
            world.ensureOrganizerLinked();

            run(world, WARM_UP, "warm-up");
            long[] webhooks = run(world, GUESTS, "webhooks");
            world.webex().dropDeliveries("meetingParticipants");
            long[] polling = run(world, GUESTS, "polling");
            world.webex().clearDeliveryFaults();
            double loadAfter = BenchReport.loadAverage();

            String md = String.format(
                    Locale.ROOT,
                    "| driven by | guests | p50 | p99 | max |%n|---|---|---|---|---|%n"
                            + "| `meetingParticipants` webhooks | %d | **%s** | **%s** | %s |%n"
                            + "| polling alone (webhooks dropped, `poll-interval` 3 s) | %d | **%s** | **%s** | %s |%n%n"
                            + "- Lobby entry (the guest's token joining at the emulator) to the emulator's admission "
                            + "time; groups of %d guests enter one meeting's lobby at once, one instance, the "
                            + "production defaults. %d guests first to warm up.%n- %s%n",
                    GUESTS,
                    BenchReport.ms(percentile(webhooks, 50)),
                    BenchReport.ms(percentile(webhooks, 99)),
                    BenchReport.ms(webhooks[webhooks.length - 1] / 1e6),
                    GUESTS,
                    BenchReport.ms(percentile(polling, 50)),
                    BenchReport.ms(percentile(polling, 99)),
                    BenchReport.ms(polling[polling.length - 1] / 1e6),
                    GROUP,
                    WARM_UP,
                    BenchReport.machine(loadBefore, loadAfter));
            BenchReport.publish("lobby", md);
        }
    }

    /** Lets {@code count} verified guests into the lobby, a group per meeting; the waits, sorted, in nanoseconds. */
    private static long[] run(ScaleWorld world, int count, String label) {
        long[] waits = new long[count];
        int done = 0;
        while (done < count) {
            Meeting meeting = world.meetingAtWebex("Lobby " + label + " " + Ids.random(5));
            String password = world.webex().password(meeting.webex().id());
            List<GuestFlow.Admitted> group = new ArrayList<>();
            for (int i = 0; i < GROUP && done + i < count; i++) {
                String email = "guest" + i + "-" + Ids.random(6) + "@example.com";
                ScaleWorld.InvitedGuest guest = world.invite(0, meeting, "Guest Number" + i, email);
                world.nextGuestLogin("guest-" + guest.invitation().id(), "Guest", "Number" + i, email);
                group.add(GuestFlow.admit(world.publicUrl(), guest.token()));
            }
            List<Instant> entered = new ArrayList<>();
            List<String> participants = new ArrayList<>();
            for (GuestFlow.Admitted guest : group) {
                entered.add(Instant.now());
                participants.add(world.webex()
                        .joinMeeting(meeting.webex().sipAddress(), guest.accessToken(), password)
                        .id());
            }
            await(label + ": the group admitted")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> world.webex().participants(meeting.webex().id()).stream()
                            .filter(p -> participants.contains(p.id()))
                            .allMatch(p -> p.state() == Participant.State.JOINED));
            List<Participant> admitted =
                    world.webex().participants(meeting.webex().id());
            for (int i = 0; i < participants.size(); i++) {
                String id = participants.get(i);
                Instant at = admitted.stream()
                        .filter(p -> p.id().equals(id))
                        .findFirst()
                        .orElseThrow()
                        .joinedTime();
                waits[done + i] = Duration.between(entered.get(i), at).toNanos();
            }
            done += participants.size();
        }
        assertThat(Arrays.stream(waits).min().orElse(0))
                .as("admitted after entering the lobby")
                .isNotNegative();
        Arrays.sort(waits);
        return waits;
    }

    private static double percentile(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
