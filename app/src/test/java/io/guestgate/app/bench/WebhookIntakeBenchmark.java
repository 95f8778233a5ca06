package io.guestgate.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.app.scale.ScaleWorld;
import io.guestgate.domain.cluster.RedisServerProcess;
import io.guestgate.platform.redis.Ids;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Webhook intake: correctly signed, unique {@code messages:created} deliveries to GuestGate's
 * {@code POST /webhooks/webex} (signature check, decode, {@code SET NX} dedupe in Redis, hand-over to the processor),
 * against a bare WebFlux endpoint that only answers 200, in the same run, each in a JVM of its own with production
 * JVM options. Closed loop for the maximum rate (two rounds each, alternating), then an open loop at half of
 * GuestGate's maximum for the latency goal. Not a test: {@code scripts/bench} runs it.
 */
@Tag("benchmark")
class WebhookIntakeBenchmark {

    static final int CONNECTIONS = 16;
    // -Dbench.quick=true: shorter phases, for trying things out; the published figures use the full ones.
    static final boolean QUICK = Boolean.getBoolean("bench.quick");
    static final Duration WARM_UP = Duration.ofSeconds(QUICK ? 15 : 30);
    static final Duration ROUND = Duration.ofSeconds(QUICK ? 10 : 15);
    static final Duration OPEN_LOOP = Duration.ofSeconds(QUICK ? 10 : 20);

    @Test
    void signedUniqueWebhooksAgainstABareWebFluxEndpoint() {
        double loadBefore = BenchReport.loadAverage();
        try (RedisServerProcess redis = RedisServerProcess.startStandalone();
                ScaleWorld world = ScaleWorld.start(new ScaleWorld.Options()
                        .instances(0)
                        .redis(RedisServerProcess.HOST, redis.port())
                        // The intake is measured on its own: taken-in events queue up in Redis as fast as they
                        // come, and their processing drains behind (measured after the load). With the default
                        // capacity, webhooks beyond what processing keeps up with would get 503.
                        .property("guestgate.bot.intake.queue-capacity", "100000000"));
                AppProcess app = AppProcess.guestGate(world, "guestgate-intake");
                AppProcess bare = AppProcess.bareEndpoint();
                LoadGenerator load = new LoadGenerator(64)) {
            AppProcess.sleep(5000);
            double idleMiB = app.residentMiB();
            WebhookRequests hooks = new WebhookRequests(
                    Ids.random(6), world.webex().seed().bot().id(), world.webhookSecret());
            String appUrl = app.url() + ScaleWorld.WEBHOOK_PATH;
            String bareUrl = bare.url() + ScaleWorld.WEBHOOK_PATH;

            load.closedLoop(bareUrl, hooks::next, CONNECTIONS, WARM_UP);
            long beforeApp = hooks.count();
            load.closedLoop(appUrl, hooks::next, CONNECTIONS, WARM_UP);
            long warmUpToApp = hooks.count() - beforeApp;
            String events = world.keyPrefix() + "{intake}:events";
            drain(redis, events);
            long[] backlogs = new long[2];
            double[] drains = new double[2];
            ResidentWatch watch = ResidentWatch.start(app);
            LoadGenerator.Result[] bareRounds = new LoadGenerator.Result[2];
            LoadGenerator.Result[] appRounds = new LoadGenerator.Result[2];
            double appCpu = 0;
            double bareCpu = 0;
            for (int round = 0; round < 2; round++) {
                double cpu = bare.cpuSeconds();
                bareRounds[round] = load.closedLoop(bareUrl, hooks::next, CONNECTIONS, ROUND);
                bareCpu += bare.cpuSeconds() - cpu;
                cpu = app.cpuSeconds();
                appRounds[round] = load.closedLoop(appUrl, hooks::next, CONNECTIONS, ROUND);
                // The events taken in are processed behind the intake; their processing counts to the webhooks'
                // CPU, and must not run while the bare endpoint is measured.
                backlogs[round] = streamLength(redis, events);
                drains[round] = drain(redis, events);
                appCpu += app.cpuSeconds() - cpu;
            }
            // CPU time per request is far less sensitive to other load on a shared machine than the rate is.
            double appCpuMs = appCpu * 1000 / (appRounds[0].requests() + appRounds[1].requests());
            double bareCpuMs = bareCpu * 1000 / (bareRounds[0].requests() + bareRounds[1].requests());
            LoadGenerator.Result appMax = best(appRounds);
            LoadGenerator.Result bareMax = best(bareRounds);
            double half = appMax.perSecond() / 2;
            LoadGenerator.Result appHalf = load.openLoop(appUrl, hooks::next, half, OPEN_LOOP);
            long halfBacklog = streamLength(redis, events);
            drain(redis, events);
            LoadGenerator.Result bareHalf = load.openLoop(bareUrl, hooks::next, half, OPEN_LOOP);
            double peakMiB = watch.stop();
            long leftOver = streamLength(redis, events);
            double loadAfter = BenchReport.loadAverage();

            long toApp = warmUpToApp + appRounds[0].requests() + appRounds[1].requests() + appHalf.requests();
            long recorded = (Long) redis.command("DBSIZE");
            assertThat(appRounds[0].ok() + appRounds[1].ok() + appHalf.ok())
                    .as("every delivery accepted")
                    .isEqualTo(appRounds[0].requests() + appRounds[1].requests() + appHalf.requests());
            assertThat(recorded).as("one dedupe record per unique delivery").isGreaterThanOrEqualTo(toApp);
            assertThat(leftOver)
                    .as("events not processed 10 minutes after the load")
                    .isZero();

            double ratio = appMax.perSecond() / bareMax.perSecond();
            StringBuilder md = new StringBuilder();
            md.append("| | GuestGate `POST /webhooks/webex` | bare WebFlux endpoint |\n|---|---|---|\n");
            for (int round = 0; round < 2; round++) {
                md.append(row(
                        "max rate, round " + (round + 1) + " (closed loop, " + CONNECTIONS + " connections, "
                                + ROUND.toSeconds() + " s)",
                        BenchReport.rate(appRounds[round].perSecond()),
                        BenchReport.rate(bareRounds[round].perSecond())));
            }
            md.append(row(
                    "**max rate (better round)**",
                    "**" + BenchReport.rate(appMax.perSecond()) + "**",
                    "**" + BenchReport.rate(bareMax.perSecond()) + "**"));
            md.append(row("latency at max rate p50 / p99 / p99.9", percentiles(appMax), percentiles(bareMax)));
            md.append(row(
                    String.format(
                            Locale.ROOT,
                            "**latency at %s (half of GuestGate's max), open loop, %d s:** " + "p50 / p99 / p99.9",
                            BenchReport.rate(half),
                            OPEN_LOOP.toSeconds()),
                    "**" + percentiles(appHalf) + "**",
                    percentiles(bareHalf)));
            md.append(row(
                    "CPU time per request (closed-loop rounds, all threads of the process)",
                    String.format(Locale.ROOT, "%.3f ms", appCpuMs),
                    String.format(Locale.ROOT, "%.3f ms", bareCpuMs)));
            md.append(row(
                    "answers",
                    appMax.statuses() + ", " + appHalf.statuses(),
                    bareMax.statuses() + ", " + bareHalf.statuses()));
            md.append(row(
                    "resident memory idle / peak under this load",
                    String.format(Locale.ROOT, "%.0f MiB / %.0f MiB", idleMiB, peakMiB),
                    "–"));
            md.append(row(
                    "time to ready (JVM start → readiness 200)",
                    String.format(Locale.ROOT, "%.1f s", app.timeToReady().toMillis() / 1000.0),
                    String.format(Locale.ROOT, "%.1f s", bare.timeToReady().toMillis() / 1000.0)));
            md.append("\n");
            md.append(String.format(
                    Locale.ROOT,
                    "- Ratio GuestGate / bare: **%.2f** (goal ≥ 0.5: %s).%n",
                    ratio,
                    ratio >= 0.5 ? "met" : "**not met**"));
            md.append(String.format(
                    Locale.ROOT,
                    "- Ratio of CPU time per request, bare / GuestGate: **%.2f** (what the "
                            + "rate ratio would be if the server had the cores to itself).%n",
                    bareCpuMs / appCpuMs));
            md.append(String.format(
                    Locale.ROOT,
                    "- p99 at half of the maximum rate: **%s** (goal < 25 ms: %s).%n",
                    BenchReport.ms(appHalf.percentileMillis(99)),
                    appHalf.percentileMillis(99) < 25 ? "met" : "**not met**"));
            md.append(String.format(
                    Locale.ROOT,
                    "- %,d unique deliveries reached GuestGate in this run; Redis held "
                            + "%,d keys afterwards (a dedupe record each).%n",
                    toApp,
                    recorded));
            for (int round = 0; round < 2; round++) {
                md.append(String.format(
                        Locale.ROOT,
                        "- Processing behind the intake, round %d: %,d taken-in events "
                                + "were still waiting when the round ended and were processed in %.1f s after it (its CPU is "
                                + "in the CPU time per request).%n",
                        round + 1,
                        backlogs[round],
                        drains[round]));
            }
            md.append(String.format(
                    Locale.ROOT,
                    "- At half of the maximum rate, %,d events were waiting when the "
                            + "open loop ended; every event of the run was processed.%n",
                    halfBacklog));
            md.append("- ").append(BenchReport.machine(loadBefore, loadAfter)).append('\n');
            BenchReport.publish("webhook-intake", md.toString());
        }
    }

    /** Waits until the taken-in events are processed (at most 10 minutes); returns how long that took, in s. */
    private static double drain(RedisServerProcess redis, String events) {
        long start = System.nanoTime();
        try {
            await("the taken-in events processed")
                    .atMost(Duration.ofMinutes(10))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> streamLength(redis, events) == 0);
        } catch (ConditionTimeoutException stillDraining) {
            // Reported as it is: the drain took the whole 10 minutes.
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static long streamLength(RedisServerProcess redis, String key) {
        return ((Number) redis.command("XLEN", key)).longValue();
    }

    private static LoadGenerator.Result best(LoadGenerator.Result[] rounds) {
        return rounds[0].perSecond() >= rounds[1].perSecond() ? rounds[0] : rounds[1];
    }

    private static String percentiles(LoadGenerator.Result result) {
        return BenchReport.ms(result.percentileMillis(50)) + " / " + BenchReport.ms(result.percentileMillis(99)) + " / "
                + BenchReport.ms(result.percentileMillis(99.9));
    }

    private static String row(String what, String guestGate, String bare) {
        return "| " + what + " | " + guestGate + " | " + bare + " |\n";
    }

    /** Samples a process's resident memory every 100 ms and keeps the highest. */
    static final class ResidentWatch {

        private final AtomicReference<Double> peak = new AtomicReference<>(0.0);
        private final Thread thread;
        private volatile boolean running = true;

        private ResidentWatch(AppProcess process) {
            thread = new Thread(
                    () -> {
                        while (running) {
                            double now = process.residentMiB();
                            peak.accumulateAndGet(now, Math::max);
                            AppProcess.sleep(100);
                        }
                    },
                    "resident-watch");
            thread.setDaemon(true);
            thread.start();
        }

        static ResidentWatch start(AppProcess process) {
            return new ResidentWatch(process);
        }

        double stop() {
            running = false;
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return peak.get();
        }
    }
}
