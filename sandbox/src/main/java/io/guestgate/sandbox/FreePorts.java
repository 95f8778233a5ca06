package io.guestgate.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.server.PortInUseException;

/** Ports of the sandbox on 127.0.0.1: "0" means any free one; a fixed one must be free before anything starts. */
final class FreePorts {

    private static final Log log = LogFactory.getLog(FreePorts.class);

    private FreePorts() {}

    static int orFree(int port) {
        return port == 0 ? free() : port;
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /**
     * Fails before anything is started when a fixed port is taken, naming the setting that moves it. Spring Boot
     * reports the {@link PortInUseException} without a stack trace.
     */
    static void requireFree(String property, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            log.error("The sandbox needs port " + port + " on 127.0.0.1, which is in use. Stop what listens there, or "
                    + "start the sandbox with --" + property + "=<another port> (0 picks a free one).");
            throw new PortInUseException(port, e);
        }
    }
}
