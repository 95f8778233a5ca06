package io.guestgate.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.app.scale.ScaleWorld;
import io.guestgate.domain.cluster.RedisServerProcess;
import io.guestgate.emulator.messages.Message;
import io.guestgate.platform.redis.Ids;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * End-to-end commands: the organizer writes to the bot through the emulator, the emulator delivers the signed
 * webhook to GuestGate (a process of its own, production JVM options), GuestGate fetches the message, runs the
 * command and replies through the emulator. Two kinds: a word the bot does not know (parse and reply: the cheapest
 * path) and {@code create} (the organizer's token, {@code POST /v1/meetings}, the meeting stored in Redis, a card).
 * Commands per second count from the first command to the last reply, by the emulator's clock.
 */
@Tag("benchmark")
class CommandsBenchmark {

    static final int SENDERS = 16;

    @Test
    void commandsFromWebhookToReply() {
        double loadBefore = BenchReport.loadAverage();
        try (RedisServerProcess redis = RedisServerProcess.startStandalone();
                ScaleWorld world = ScaleWorld.start(
                        new ScaleWorld.Options().instances(0).redis(RedisServerProcess.HOST, redis.port()));
                AppProcess app = AppProcess.guestGate(world, "guestgate-commands")) {
            world.deliverWebhooksTo(List.of(app.url()));
            world.ensureOrganizerLinked();
            String start = ZonedDateTime.now(ZoneId.of("Europe/Vienna"))
                    .plusDays(3)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));

            // Warm-up as long as the measured runs, so that the CPU per command is the steady state's, not the JIT
            // compiler's: C2 compiling the command path took a quarter of the process's CPU with a shorter one.
            run(world, redis, app, 600, SENDERS, i -> "warm" + Ids.random(4) + i, text -> "\u201c" + text + "\u201d");
            run(
                    world,
                    redis,
                    app,
                    300,
                    SENDERS,
                    i -> "create Warm " + Ids.random(4) + " " + i + " | " + start + " | 30m",
                    CommandsBenchmark::createdTitle);
            Map<String, Run> runs = new LinkedHashMap<>();
            Map<String, Run> alone = new LinkedHashMap<>();
            String unknown = Ids.random(5);
            String create = Ids.random(5);
            String wordKind = "a word the bot does not know (parse, reply)";
            String createKind = "`create <title> | <start> | 30m` (Webex meeting, Redis, card)";
            runs.put(
                    wordKind,
                    run(
                            world,
                            redis,
                            app,
                            600,
                            SENDERS,
                            i -> "word" + unknown + "x" + i,
                            text -> "\u201c" + text + "\u201d"));
            runs.put(
                    createKind,
                    run(
                            world,
                            redis,
                            app,
                            300,
                            SENDERS,
                            i -> "create Bench " + create + " " + i + " | " + start + " | 30m",
                            CommandsBenchmark::createdTitle));
            alone.put(
                    wordKind,
                    run(
                            world,
                            redis,
                            app,
                            40,
                            1,
                            i -> "alone" + unknown + "x" + i,
                            text -> "\u201c" + text + "\u201d"));
            alone.put(
                    createKind,
                    run(
                            world,
                            redis,
                            app,
                            40,
                            1,
                            i -> "create Alone " + create + " " + i + " | " + start + " | 30m",
                            CommandsBenchmark::createdTitle));
            double loadAfter = BenchReport.loadAverage();

            StringBuilder md = new StringBuilder("| command | commands/s (" + SENDERS
                    + " in flight) | latency p50 / p99 "
                    + "with " + SENDERS + " in flight | latency p50 / p99 one at a time | CPU per command: GuestGate / "
                    + "test JVM (emulator, organizer) |\n|---|---|---|---|---|\n");
            runs.forEach((what, run) -> {
                Run single = alone.get(what);
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | **%s** (%,d commands) | %s / %s | **%s / %s** | %.1f ms / %.1f ms |%n",
                        what,
                        BenchReport.rate(run.perSecond()),
                        run.count(),
                        BenchReport.ms(run.percentile(50)),
                        BenchReport.ms(run.percentile(99)),
                        BenchReport.ms(single.percentile(50)),
                        BenchReport.ms(single.percentile(99)),
                        run.appCpuMs(),
                        run.testCpuMs()));
            });
            md.append(String.format(
                    Locale.ROOT,
                    "%n- Latency is from the organizer's message to the bot's reply, both as "
                            + "the emulator recorded them; with %d in flight it includes waiting in GuestGate's event queue. "
                            + "Every command was answered exactly once.%n",
                    SENDERS));
            md.append("- ").append(BenchReport.machine(loadBefore, loadAfter)).append('\n');
            BenchReport.publish("commands", md.toString());
        }
    }

    /**
     * {@code count} commands from {@code senders} senders (one sender: each command waits for the previous reply);
     * {@code marker} finds a command's reply.
     */
    private static Run run(
            ScaleWorld world,
            RedisServerProcess redis,
            AppProcess app,
            int count,
            int senders,
            IntFunction<String> command,
            java.util.function.Function<String, String> marker) {
        int before = world.botMessages().size();
        double appCpu = app.cpuSeconds();
        double testCpu = testCpuSeconds();
        List<Message> sent;
        if (senders == 1) {
            sent = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                int expected = before + i + 1;
                sent.add(world.say(command.apply(i)));
                await("reply " + (i + 1))
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> world.botMessages().size() >= expected);
            }
        } else {
            sent = Flux.range(0, count)
                    .flatMap(
                            i -> Mono.fromCallable(() -> world.say(command.apply(i)))
                                    .subscribeOn(Schedulers.boundedElastic()),
                            senders)
                    .collectList()
                    .block();
        }
        try {
            await(count + " replies")
                    .atMost(Duration.ofMinutes(3))
                    .until(() -> world.botMessages().size() >= before + count);
        } catch (ConditionTimeoutException e) {
            java.util.Set<String> ids = sent.stream().map(Message::id).collect(java.util.stream.Collectors.toSet());
            throw new AssertionError(
                    e.getMessage() + "; replies so far: " + (world.botMessages().size() - before)
                            + "; delivery attempts by status: "
                            + world.webex().deliveries().stream()
                                    .filter(d -> ids.contains(d.dataId()))
                                    .flatMap(d -> d.statuses().stream())
                                    .collect(java.util.stream.Collectors.groupingBy(
                                            s -> s, java.util.stream.Collectors.counting())));
        }
        double appCpuMs = (app.cpuSeconds() - appCpu) * 1000 / count;
        double testCpuMs = (testCpuSeconds() - testCpu) * 1000 / count;
        // GuestGate is done with every command it took in (its intake's stream is empty): these are all the replies.
        await("every command processed")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Long.valueOf(0).equals(redis.command("XLEN", world.intakeStream())));
        List<Message> replies =
                world.botMessages().subList(before, world.botMessages().size());
        assertThat(replies).as("one reply per command").hasSize(count);
        long[] latencies = new long[count];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            Message message = sent.get(i);
            String mark = marker.apply(message.text());
            List<Message> answers = replies.stream()
                    .filter(r -> ScaleWorld.content(r).contains(mark))
                    .toList();
            assertThat(answers).as("replies to %s", message.text()).hasSize(1);
            latencies[i] = Duration.between(message.created(), answers.get(0).created())
                    .toNanos();
            first = Math.min(first, message.created().toEpochMilli());
            last = Math.max(last, answers.get(0).created().toEpochMilli());
        }
        Arrays.sort(latencies);
        return new Run(count, Duration.ofMillis(last - first), latencies, appCpuMs, testCpuMs);
    }

    private static String createdTitle(String command) {
        String title = command.substring("create ".length(), command.indexOf(" |"));
        return "**" + title + "**";
    }

    private static double testCpuSeconds() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(d -> d.toMillis() / 1000.0)
                .orElse(Double.NaN);
    }

    record Run(int count, Duration elapsed, long[] latencies, double appCpuMs, double testCpuMs) {

        double perSecond() {
            return count / (elapsed.toNanos() / 1e9);
        }

        double percentile(double percent) {
            int index = (int) Math.ceil(percent / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }
    }
}
