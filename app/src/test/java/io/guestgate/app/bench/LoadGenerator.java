package io.guestgate.app.bench;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * An HTTP load generator on Reactor Netty: POSTs over a fixed pool of keep-alive connections, either closed-loop
 * (each connection sends its next request when the answer came: the maximum rate) or open-loop at a fixed rate, where
 * each request's latency counts from when it was due, not from when it was sent, so a stalled server cannot hide its
 * stalls by slowing the generator down.
 */
final class LoadGenerator implements AutoCloseable {

    /** One request: its body and headers. */
    record Request(byte[] body, Map<String, String> headers) {}

    /** What a run measured. Latencies in nanoseconds, sorted. */
    record Result(long requests, Map<Integer, Long> statuses, Duration elapsed, long[] latencies) {

        double perSecond() {
            return requests / (elapsed.toNanos() / 1e9);
        }

        long ok() {
            return statuses.getOrDefault(200, 0L);
        }

        /** The latency at {@code percent} (e.g. 99.9), in milliseconds. */
        double percentileMillis(double percent) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percent / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }
    }

    private static final int MAX_SAMPLES = 4_000_000;

    private final LoopResources loops = LoopResources.create("bench-load", 1, true);
    private final ConnectionProvider pool;
    private final HttpClient client;
    private final Scheduler ticks = Schedulers.newSingle("bench-ticks", true);

    LoadGenerator(int connections) {
        pool = ConnectionProvider.builder("bench-load")
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(2))
                .build();
        client = HttpClient.create(pool).runOn(loops).responseTimeout(Duration.ofSeconds(30));
    }

    /** As fast as {@code concurrency} requests in flight allow, for {@code duration}. */
    Result closedLoop(String url, LongFunction<Request> requests, int concurrency, Duration duration) {
        Recorder recorder = new Recorder();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Flux.<Long>generate(sink -> {
                    if (System.nanoTime() < end) {
                        sink.next(sequence.getAndIncrement());
                    } else {
                        sink.complete();
                    }
                })
                .flatMap(n -> send(url, requests.apply(n), System.nanoTime(), recorder), concurrency)
                .blockLast();
        return recorder.result(Duration.ofNanos(System.nanoTime() - start));
    }

    /** {@code rate} requests per second for {@code duration}, whatever the answers take. */
    Result openLoop(String url, LongFunction<Request> requests, double rate, Duration duration) {
        Recorder recorder = new Recorder();
        long total = (long) (rate * duration.toNanos() / 1e9);
        double interval = 1e9 / rate;
        long start = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        Flux.interval(Duration.ofMillis(1), ticks)
                .onBackpressureDrop()
                .concatMapIterable(tick -> {
                    long due = Math.min(total, (long) ((System.nanoTime() - start) / interval) + 1);
                    long from = sent.getAndSet(due);
                    return from >= due
                            ? java.util.List.<Long>of()
                            : java.util.stream.LongStream.range(from, due)
                                    .boxed()
                                    .toList();
                })
                .take(total)
                .flatMap(n -> send(url, requests.apply(n), start + (long) (n * interval), recorder), Integer.MAX_VALUE)
                .blockLast();
        return recorder.result(Duration.ofNanos(System.nanoTime() - start));
    }

    private Mono<Integer> send(String url, Request request, long dueNanos, Recorder recorder) {
        return client.headers(headers -> {
                    headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                    request.headers().forEach(headers::set);
                })
                .post()
                .uri(url)
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(request.body())))
                .responseSingle((answer, body) ->
                        body.asByteArray().then(Mono.just(answer.status().code())))
                .onErrorResume(error -> Mono.just(0))
                .doOnNext(status -> recorder.record(status, System.nanoTime() - dueNanos));
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(10));
        ticks.dispose();
    }

    /** Collects statuses and latencies from the generator's threads. */
    private static final class Recorder {

        private final long[] samples = new long[MAX_SAMPLES];
        private final AtomicInteger count = new AtomicInteger();
        private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

        void record(int status, long latency) {
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            int index = count.getAndIncrement();
            if (index < samples.length) {
                samples[index] = latency;
            }
        }

        Result result(Duration elapsed) {
            int n = Math.min(count.get(), samples.length);
            long[] sorted = Arrays.copyOf(samples, n);
            Arrays.sort(sorted);
            Map<Integer, Long> byStatus = new TreeMap<>();
            statuses.forEach((status, counter) -> byStatus.put(status, counter.get()));
            return new Result(count.get(), byStatus, elapsed, sorted);
        }
    }
}
