package io.guestgate.bot.invite.outbox;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Open SMTP connections to the relay, kept between mails. {@link JavaMailSenderImpl#send} opens a connection per mail
 * (connect, greeting, EHLO, STARTTLS, AUTH, and QUIT after the one mail): most of a mail's time on the wire. Here each
 * of the outbox's senders borrows a connection, sends on it and gives it back; a connection that failed is closed,
 * never reused. A connection that had carried mail and breaks under the next one (the relay hung up, or ends
 * connections after so many mails) gets the mail once more on a new connection before it counts as failed. Failures
 * read exactly as {@code JavaMailSenderImpl}'s do ({@link MailAuthenticationException},
 * {@link MailSendException} with the failed message), so {@link SendFailures} sorts them the same way.
 * <p>
 * A connection idle for {@link #CHECK_AFTER} is checked (SMTP {@code NOOP}) before it carries a mail, and one idle
 * for {@link #CLOSE_AFTER} is closed: relays drop idle clients after five minutes at the earliest (RFC 5321,
 * 4.5.3.2.7), so GuestGate hangs up well before. commons-pool (already here for Lettuce's pool) keeps the
 * connections; its evictor does the closing.
 */
final class SmtpConnections implements AutoCloseable {

    static final Duration CHECK_AFTER = Duration.ofSeconds(5);
    static final Duration CLOSE_AFTER = Duration.ofSeconds(30);

    private final GenericObjectPool<Connection> pool;

    SmtpConnections(JavaMailSenderImpl sender, int size) {
        GenericObjectPoolConfig<Connection> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(size);
        // The outbox never sends more mails at once than the pool has connections, so a borrow never waits; should
        // one, it fails (and the mail is retried) rather than block a sender for good.
        config.setMaxWait(Duration.ofSeconds(30));
        config.setMaxIdle(size);
        config.setMinIdle(0);
        config.setLifo(true);
        config.setTestOnBorrow(true);
        config.setTimeBetweenEvictionRuns(CLOSE_AFTER.dividedBy(2));
        config.setMinEvictableIdleDuration(CLOSE_AFTER);
        config.setNumTestsPerEvictionRun(size);
        config.setJmxEnabled(false);
        this.pool = new GenericObjectPool<>(new Factory(sender), config);
    }

    /**
     * Sends {@code message}, complete and saved ({@link jakarta.mail.Message#saveChanges}), to its recipients on an
     * open connection, opening one if none is free. Blocking: call it on the mail scheduler.
     */
    void send(MimeMessage message) {
        try {
            if (!sendOnce(message, true)) {
                // The relay hung up: on the idle connections too, most likely.
                pool.clear();
                sendOnce(message, false);
            }
        } catch (MessagingException e) {
            throw new MailSendException(Map.of(message, e));
        }
    }

    /**
     * One attempt; false when {@code mayRetry} and a connection that had carried mail before broke for another
     * reason than a refused recipient. Throws on every other failure.
     */
    private boolean sendOnce(MimeMessage message, boolean mayRetry) throws MessagingException {
        Connection connection = borrow();
        boolean reusable = false;
        try {
            connection.transport.sendMessage(message, message.getAllRecipients());
            connection.mails++;
            reusable = true;
            return true;
        } catch (MessagingException e) {
            if (mayRetry && connection.mails > 0 && !refusedRecipient(e)) {
                return false;
            }
            throw e;
        } finally {
            giveBack(connection, reusable);
        }
    }

    /** The relay refused an address: the connection is fine, the mail is not. */
    private static boolean refusedRecipient(MessagingException e) {
        return e instanceof SendFailedException failed
                && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0;
    }

    private Connection borrow() {
        try {
            return pool.borrowObject();
        } catch (AuthenticationFailedException e) {
            throw new MailAuthenticationException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MailSendException("Mail server connection failed", e);
        }
    }

    private void giveBack(Connection connection, boolean reusable) {
        if (reusable) {
            pool.returnObject(connection);
            return;
        }
        try {
            pool.invalidateObject(connection);
        } catch (Exception closeFailed) {
            // The connection was broken already; it is out of the pool either way.
        }
    }

    /** Hangs up every idle connection (SMTP {@code QUIT}); the next mail opens a new one. */
    void hangUp() {
        pool.clear();
    }

    /** Hangs up every idle connection for good; connections still borrowed close when given back. */
    @Override
    public void close() {
        pool.close();
    }

    /** One open connection and how many mails it carried. */
    private static final class Connection {

        private final Transport transport;
        private int mails;

        Connection(Transport transport) {
            this.transport = transport;
        }
    }

    private static final class Factory extends BasePooledObjectFactory<Connection> {

        private final JavaMailSenderImpl sender;

        Factory(JavaMailSenderImpl sender) {
            this.sender = sender;
        }

        /** Connects as {@code JavaMailSenderImpl} does: its session, protocol, host, port and credentials. */
        @Override
        public Connection create() throws MessagingException {
            Transport transport =
                    sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
            String username = emptyToNull(sender.getUsername());
            String password = username == null ? null : emptyToNull(sender.getPassword());
            transport.connect(sender.getHost(), sender.getPort(), username, password);
            return new Connection(transport);
        }

        @Override
        public PooledObject<Connection> wrap(Connection connection) {
            return new DefaultPooledObject<>(connection);
        }

        /**
         * A connection used moments ago is fine; one idle longer is asked ({@code NOOP}), because the relay may have
         * hung up meanwhile.
         */
        @Override
        public boolean validateObject(PooledObject<Connection> connection) {
            return connection.getIdleDuration().compareTo(CHECK_AFTER) < 0
                    || connection.getObject().transport.isConnected();
        }

        @Override
        public void destroyObject(PooledObject<Connection> connection) throws MessagingException {
            connection.getObject().transport.close();
        }

        private static String emptyToNull(String value) {
            return value == null || value.isEmpty() ? null : value;
        }
    }
}
