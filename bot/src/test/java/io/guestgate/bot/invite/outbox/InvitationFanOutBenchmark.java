package io.guestgate.bot.invite.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.guestgate.bot.invite.InviteTestWorld;
import io.guestgate.bot.invite.MailAssertions;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.WebexEmulatorExtension;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 1,000 invitations for one meeting, from the queued batch to the last mail in GreenMail, with the outbox's default
 * settings (4 sends at a time per instance). Not a test: run it on request with
 * {@code ./mvnw -B -ntp -pl bot test -Dgroups=benchmark -Dtest.excludedGroups= -Dtest=InvitationFanOutBenchmark}.
 */
@Tag("benchmark")
class InvitationFanOutBenchmark {

    private static final int GUESTS = 1_000;

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withDefaults();

    private ConfigurableApplicationContext context;
    private String prefix;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
            InviteTestWorld.deleteKeys(prefix);
        }
    }

    @Test
    void thousandInvitationsForOneMeeting() throws Exception {
        prefix = InviteTestWorld.uniquePrefix();
        Map<String, Object> properties =
                InviteTestWorld.properties(prefix, WEBEX.get(), SMTP.getSmtp().getPort());
        // Production defaults for everything that shapes throughput.
        properties.remove("guestgate.outbox.poll-timeout");
        context = InviteTestWorld.start(properties);
        Meeting meeting = OutboxTestData.meeting(context, WEBEX.get(), "All hands");

        long addStart = System.nanoTime();
        List<Invitation> guests = OutboxTestData.guests(context, meeting, GUESTS);
        Duration adding = Duration.ofNanos(System.nanoTime() - addStart);

        System.gc();
        double loadBefore = loadAverage();
        HeapWatch heap = HeapWatch.start();
        long start = System.nanoTime();
        OutboxTestData.enqueue(context, meeting, guests);
        boolean all = SMTP.waitForIncomingEmail(Duration.ofMinutes(10).toMillis(), GUESTS);
        Duration delivering = Duration.ofNanos(System.nanoTime() - start);
        HeapWatch.Peak peak = heap.stop();
        double loadAfter = loadAverage();

        assertThat(all).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(GUESTS);
        Set<String> recipients = Arrays.stream(received)
                .map(InvitationFanOutBenchmark::recipient)
                .collect(Collectors.toSet());
        assertThat(recipients).hasSize(GUESTS);

        System.out.printf("%nInvitation fan-out: %d invitations for one meeting%n", GUESTS);
        System.out.printf("  storing the invitations:            %,d ms%n", adding.toMillis());
        System.out.printf(
                "  queue -> last mail in GreenMail:    %,d ms (%.1f mails/s)%n",
                delivering.toMillis(), GUESTS * 1000.0 / delivering.toMillis());
        System.out.printf(
                "  peak heap used while sending:       %,d MiB (sampled every 20 ms)%n",
                peak.sampled() / (1024 * 1024));
        System.out.printf("  sum of heap pools' peaks:           %,d MiB%n", peak.pools() / (1024 * 1024));
        System.out.printf(
                "  max heap (-Xmx):                    %,d MiB%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf(
                "  machine:                            %d cores, %s %s, load average (1 min) %.1f before, %.1f after%n%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                loadBefore,
                loadAfter);
    }

    /** The machine's 1-minute load average, as the other benchmarks report it. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return MailAssertions.recipient(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Peak heap use during a span: sampled used heap, and the JVM's own per-pool peaks. */
    private static final class HeapWatch {

        record Peak(long sampled, long pools) {}

        private final AtomicLong max = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapWatch() {
            ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .forEach(MemoryPoolMXBean::resetPeakUsage);
            sampler = new Thread(
                    () -> {
                        while (running) {
                            long used = ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed();
                            max.accumulateAndGet(used, Math::max);
                            try {
                                // The benchmark's sampling interval, not a wait for anything.
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        Peak stop() throws InterruptedException {
            running = false;
            sampler.join();
            long pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed())
                    .sum();
            return new Peak(max.get(), pools);
        }
    }
}
