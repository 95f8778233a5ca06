package io.guestgate.bot.invite.outbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP relay that takes its time: it greets only after {@code delayMillis}, then accepts every mail. Enough
 * of RFC 5321 for Jakarta Mail: EHLO, MAIL, RCPT, DATA, QUIT.
 */
final class SlowRelay implements AutoCloseable {

    private final ServerSocket socket;
    private final long delayMillis;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final AtomicInteger accepted = new AtomicInteger();

    SlowRelay(long delayMillis) throws IOException {
        this.delayMillis = delayMillis;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "slow-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    CountDownLatch connected() {
        return connected;
    }

    /** Mails whose DATA this relay answered with 250. */
    int accepted() {
        return accepted.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connected.countDown();
                // The fault itself, not a wait: a relay that is slow to answer, as the test arranges.
                Thread.sleep(delayMillis);
                converse(connection);
            } catch (IOException | InterruptedException closed) {
                return;
            }
        }
    }

    private void converse(Socket connection) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = connection.getOutputStream();
        reply(out, "220 slow.example ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 slow.example");
                case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                case "DATA" -> {
                    reply(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message itself is not kept
                    }
                    accepted.incrementAndGet();
                    reply(out, "250 queued");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
