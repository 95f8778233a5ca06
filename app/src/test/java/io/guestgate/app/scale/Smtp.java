package io.guestgate.app.scale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * GreenMail's SMTP server on a fixed loopback port, which a test may stop (an outage: connections are refused) and
 * start again on the same port. What arrived before a stop is kept, so {@link #received()} covers the whole test.
 */
public final class Smtp implements AutoCloseable {

    private final int port;
    private final List<MimeMessage> before = new ArrayList<>();
    private GreenMail server;

    private Smtp(int port) {
        this.port = port;
    }

    public static Smtp start() {
        Smtp smtp = new Smtp(freePort());
        smtp.resume();
        return smtp;
    }

    public int port() {
        return port;
    }

    /** Starts the server again after {@link #pause()}. */
    public synchronized void resume() {
        if (server != null) {
            return;
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Stops the server: from now on every connection is refused. */
    public synchronized void pause() {
        if (server == null) {
            return;
        }
        before.addAll(Arrays.asList(server.getReceivedMessages()));
        server.stop();
        server = null;
    }

    /** Every mail received so far, before and after any outage. */
    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(before);
        if (server != null) {
            all.addAll(Arrays.asList(server.getReceivedMessages()));
        }
        return all;
    }

    /** The first recipient address of each mail received, in arrival order. */
    public List<String> recipients() {
        return received().stream().map(Smtp::recipient).toList();
    }

    /** Forgets what arrived so far. */
    public synchronized void clear() {
        before.clear();
        if (server != null) {
            server.reset();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString().replaceAll(".*<|>.*", "");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String from(MimeMessage mail) {
        try {
            return mail.getFrom()[0].toString().replaceAll(".*<|>.*", "");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
