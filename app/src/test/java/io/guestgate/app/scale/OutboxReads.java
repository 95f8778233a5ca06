package io.guestgate.app.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the outbox reads each instance starts, as Redis sees them (MONITOR on the world's own Redis): a reader takes
 * one read at a time, so a reader that started its n-th read has ended n - 1 of them, quietly or with an error.
 */
final class OutboxReads implements AutoCloseable {

    /** The consumer of an XREADGROUP on the stream: {@code <instance>-<reader>}. */
    private final Pattern read;

    private final Socket socket;
    private final Map<String, AtomicInteger> byReader = new ConcurrentHashMap<>();
    private final Thread listener;

    OutboxReads(String host, int port, String stream, String group) {
        this.read = Pattern.compile(
                "\"XREADGROUP\" \"GROUP\" \"" + Pattern.quote(group) + "\" \"([^\"]+)-(\\d+)\".*\""
                        + Pattern.quote(stream) + "\"",
                Pattern.CASE_INSENSITIVE);
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 1000);
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$7\r\nMONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            if (!"+OK".equals(in.readLine())) {
                throw new IllegalStateException("Redis on port " + port + " refused MONITOR");
            }
            listener = new Thread(() -> listen(in), "outbox-reads");
            listener.setDaemon(true);
            listener.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void listen(BufferedReader in) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher matcher = read.matcher(line);
                if (matcher.find()) {
                    byReader.computeIfAbsent(matcher.group(1) + "-" + matcher.group(2), r -> new AtomicInteger())
                            .incrementAndGet();
                }
            }
        } catch (IOException closed) {
            // close() ends the monitor
        }
    }

    /** How many instances have readers that all started at least {@code reads} reads since this began to count. */
    long instancesWhoseReadersAllStarted(int reads) {
        Map<String, Boolean> allOfInstance = new ConcurrentHashMap<>();
        byReader.forEach((reader, count) -> allOfInstance.merge(
                reader.substring(0, reader.lastIndexOf('-')), count.get() >= reads, Boolean::logicalAnd));
        return allOfInstance.values().stream().filter(Boolean::booleanValue).count();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
