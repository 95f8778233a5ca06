package io.guestgate.bot.invite.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder in front of a real SMTP relay (GreenMail) that counts the connections made through it and can cut
 * them all, as a relay does that hangs up on its clients.
 */
final class CountingForwarder implements AutoCloseable {

    private final ServerSocket socket;
    private final int target;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    CountingForwarder(int targetPort) throws IOException {
        this.target = targetPort;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "counting-forwarder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Connections opened through this forwarder so far. */
    int connections() {
        return connections.get();
    }

    /** Cuts every connection open now, both sides. */
    void cutAll() throws IOException {
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket relay = new Socket(InetAddress.getLoopbackAddress(), target);
                connections.incrementAndGet();
                open.add(client);
                open.add(relay);
                pump(client, relay);
                pump(relay, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException cut) {
                        // one side went away
                    } finally {
                        try {
                            from.close();
                            to.close();
                        } catch (IOException ignored) {
                            // closing anyway
                        }
                    }
                },
                "counting-forwarder-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        cutAll();
    }
}
