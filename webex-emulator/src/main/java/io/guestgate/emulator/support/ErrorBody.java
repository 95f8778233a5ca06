package io.guestgate.emulator.support;

import java.util.List;

/** Webex's error body. Every error carries a trackingId, as Webex's own do. */
public record ErrorBody(String message, List<Description> errors, String trackingId) {

    public ErrorBody {
        errors = List.copyOf(errors);
    }

    public static ErrorBody of(String message, String trackingId) {
        return new ErrorBody(message, List.of(new Description(message)), trackingId);
    }

    public record Description(String description) {}
}
