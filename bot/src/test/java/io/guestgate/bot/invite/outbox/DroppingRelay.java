package io.guestgate.bot.invite.outbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** An SMTP relay that is there but broken: it accepts every connection and closes it at once. */
final class DroppingRelay implements AutoCloseable {

    private final ServerSocket socket;

    DroppingRelay() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try (Socket connection = socket.accept()) {
                            connection.setSoLinger(true, 0);
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "dropping-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
