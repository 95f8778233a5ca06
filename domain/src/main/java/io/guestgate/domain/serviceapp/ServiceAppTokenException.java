package io.guestgate.domain.serviceapp;

/**
 * There is no usable Service App token, and waiting will not bring one: the message says what the operator has to
 * do. Never carries a token.
 */
public class ServiceAppTokenException extends IllegalStateException {

    ServiceAppTokenException(String message) {
        super(message);
    }

    ServiceAppTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
