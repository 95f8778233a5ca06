package io.guestgate.bot.invite.outbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off ({@code TCP_NODELAY}), for the connections to the SMTP relay. Jakarta Mail
 * writes a mail's DATA in buffer-sized pieces and then the closing {@code .}; with Nagle on, the last small piece
 * waits until the relay acknowledges the one before, and a relay that delays its acknowledgements (Linux: up to
 * 40 ms) holds every mail that long. In a profile of the invitation fan-out each mail waited about 45 ms in
 * {@code finishData}, the relay meanwhile waiting for the rest of the data. Jakarta Mail takes the factory from
 * {@code mail.smtp.socketFactory} and calls {@link #createSocket()}.
 */
final class NoDelaySockets extends SocketFactory {

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(new Socket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
