package io.guestgate.bot.invite.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/** Sorts send failures into "try again later" and "give up now". */
final class SendFailures {

    static final String UNAVAILABLE = "unavailable";
    static final String REJECTED = "rejected";
    static final String OTHER = "other";

    private SendFailures() {}

    static SendOutcome.Failed classify(Throwable error) {
        if (error instanceof MailPreparationException || error instanceof MailParseException) {
            // The mail could not even be built: the same input fails the same way next time.
            return new SendOutcome.Failed(OTHER, true);
        }
        if (error instanceof MailAuthenticationException) {
            // Wrong relay credentials are an operator's fix; retries give them the time.
            return new SendOutcome.Failed(UNAVAILABLE, false);
        }
        if (error instanceof MailSendException send) {
            for (Exception cause : send.getFailedMessages().values()) {
                if (refusedForGood(cause)) {
                    return new SendOutcome.Failed(REJECTED, true);
                }
            }
            return new SendOutcome.Failed(UNAVAILABLE, false);
        }
        return new SendOutcome.Failed(OTHER, false);
    }

    /**
     * The relay refused every recipient with a permanent (5xx) reply: Jakarta Mail then lists the address as invalid
     * and none as valid-but-unsent (which is what a temporary 4xx refusal gives).
     */
    private static boolean refusedForGood(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SendFailedException failed) {
                boolean invalid = failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0;
                boolean retryable =
                        failed.getValidUnsentAddresses() != null && failed.getValidUnsentAddresses().length > 0;
                if (invalid && !retryable) {
                    return true;
                }
            }
            if (t instanceof MessagingException messaging
                    && messaging.getNextException() != null
                    && messaging.getNextException() != t
                    && refusedForGood(messaging.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
