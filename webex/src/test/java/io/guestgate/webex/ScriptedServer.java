package io.guestgate.webex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A local HTTP server that plays a fixed script of answers and notes when each request arrived. */
final class ScriptedServer implements AutoCloseable {

    record Arrival(long nanos, RecordedRequest request) {}

    private final MockWebServer server = new MockWebServer();
    private final ConcurrentLinkedQueue<MockResponse> script = new ConcurrentLinkedQueue<>();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    ScriptedServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(new Arrival(System.nanoTime(), request));
                MockResponse next = script.poll();
                return next != null
                        ? next
                        : new MockResponse.Builder()
                                .code(599)
                                .body("script exhausted")
                                .build();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScriptedServer then(MockResponse response) {
        script.add(response);
        return this;
    }

    URI apiBaseUrl() {
        return server.url("/v1").uri();
    }

    URI url(String path) {
        return server.url(path).uri();
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Milliseconds between arrival {@code i-1} and arrival {@code i}. */
    long gapMillis(int i) {
        return (arrivals.get(i).nanos() - arrivals.get(i - 1).nanos()) / 1_000_000;
    }

    @Override
    public void close() {
        server.close();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    static MockResponse webexError(int status, String message) {
        return json(
                status,
                "{\"message\":\"" + message + "\",\"errors\":[{\"description\":\"" + message
                        + "\"}],\"trackingId\":\"ROUTER_" + status + "\"}");
    }
}
