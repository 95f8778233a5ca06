package io.guestgate.app.scale;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The one public address of several GuestGate instances, as a load balancer in front of them: each request goes to
 * the next instance in turn (or where the test pins it), with its Host header kept, so every instance builds the
 * same public URLs (OIDC redirect URIs included). Bodies are small here, so each is passed on whole.
 */
public final class LoadBalancer implements AutoCloseable {

    /** One request passed on: which instance answered it, and how. */
    public record Hop(String method, String uri, int instance, int status) {}

    private final LoopResources loops = LoopResources.create("test-balancer", 2, true);
    private final ConnectionProvider connections = ConnectionProvider.builder("test-balancer")
            .maxConnections(256)
            .pendingAcquireMaxCount(10_000)
            .build();
    private final HttpClient client =
            HttpClient.create(connections).runOn(loops).followRedirect(false).responseTimeout(Duration.ofSeconds(30));
    private final AtomicInteger next = new AtomicInteger();
    private final List<Hop> hops = new CopyOnWriteArrayList<>();
    private final DisposableServer server;
    private volatile List<Integer> backends = List.of();
    private volatile Function<String, Integer> pin = uri -> null;

    private LoadBalancer() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .runOn(loops)
                .handle(this::forward)
                .bindNow();
    }

    public static LoadBalancer start() {
        return new LoadBalancer();
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}: GuestGate's public base URL in the tests that use it. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The instances' ports, in order; instance numbers in {@link Hop} are indexes into this list. */
    public void backends(List<Integer> ports) {
        this.backends = List.copyOf(ports);
    }

    /** Sends requests whose path and query make {@code choice} answer a number to that instance; null: in turn. */
    public void pin(Function<String, Integer> choice) {
        this.pin = choice;
    }

    public void unpin() {
        this.pin = uri -> null;
    }

    public List<Hop> hops() {
        return List.copyOf(hops);
    }

    public void clearHops() {
        hops.clear();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
        connections.disposeLater().block(Duration.ofSeconds(5));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
    }

    private Mono<Void> forward(HttpServerRequest request, HttpServerResponse response) {
        List<Integer> ports = backends;
        Integer pinned = pin.apply(request.uri());
        int instance = pinned != null ? pinned : Math.floorMod(next.getAndIncrement(), ports.size());
        return request.receive()
                .aggregate()
                .asByteArray()
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> client.headers(headers -> copyRequestHeaders(request.requestHeaders(), headers))
                        .request(request.method())
                        .uri("http://127.0.0.1:" + ports.get(instance) + request.uri())
                        .send((outbound, out) -> body.length == 0 ? out : out.sendByteArray(Mono.just(body)))
                        .responseSingle((answer, content) -> content.asByteArray()
                                .defaultIfEmpty(new byte[0])
                                .map(bytes -> Map.entry(answer, bytes))))
                .flatMap(answered -> {
                    var answer = answered.getKey();
                    byte[] bytes = answered.getValue();
                    hops.add(new Hop(
                            request.method().name(),
                            request.uri(),
                            instance,
                            answer.status().code()));
                    response.status(answer.status());
                    answer.responseHeaders().forEach(header -> {
                        if (!isHopByHop(header.getKey())) {
                            response.responseHeaders().add(header.getKey(), header.getValue());
                        }
                    });
                    response.responseHeaders().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
                    return response.sendByteArray(Mono.just(bytes)).then();
                })
                .onErrorResume(error -> {
                    hops.add(new Hop(request.method().name(), request.uri(), instance, 502));
                    return response.status(502).send();
                });
    }

    private static void copyRequestHeaders(HttpHeaders from, HttpHeaders to) {
        from.forEach(header -> {
            if (!isHopByHop(header.getKey())) {
                to.add(header.getKey(), header.getValue());
            }
        });
        to.set("X-Forwarded-For", "127.0.0.1");
    }

    private static boolean isHopByHop(String name) {
        return name.equalsIgnoreCase("content-length")
                || name.equalsIgnoreCase("transfer-encoding")
                || name.equalsIgnoreCase("connection")
                || name.equalsIgnoreCase("keep-alive");
    }
}
