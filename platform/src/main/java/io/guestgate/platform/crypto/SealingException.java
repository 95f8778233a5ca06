package io.guestgate.platform.crypto;

/**
 * A sealed value could not be opened: it was altered, moved to another owner, or its key has left the key ring.
 * The message never contains the value or any key.
 */
public class SealingException extends RuntimeException {

    SealingException(String message) {
        super(message);
    }

    SealingException(String message, Throwable cause) {
        super(message, cause);
    }
}
