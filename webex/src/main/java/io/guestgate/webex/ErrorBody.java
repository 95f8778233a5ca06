package io.guestgate.webex;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;

/**
 * Webex's error body {@code {message, errors:[{description}], trackingId}}; the OAuth endpoint answers
 * {@code {error, error_description}} instead.
 */
record ErrorBody(
        String message,
        List<Item> errors,
        String trackingId,
        String error,
        @JsonProperty("error_description") String errorDescription) {

    record Item(String description) {}

    static final ErrorBody EMPTY = new ErrorBody(null, List.of(), null, null, null);

    ErrorBody {
        errors = errors == null ? List.of() : errors;
    }

    static ErrorBody parse(String body) {
        if (body == null || body.isBlank()) {
            return EMPTY;
        }
        try {
            ErrorBody parsed = WebexJson.MAPPER.readValue(body, ErrorBody.class);
            return parsed == null ? EMPTY : parsed;
        } catch (JacksonException notJson) {
            return EMPTY;
        }
    }

    String bestMessage() {
        if (message != null) {
            return message;
        }
        if (errorDescription != null) {
            return errorDescription;
        }
        return error;
    }

    List<String> descriptions() {
        return errors.stream().map(Item::description).filter(Objects::nonNull).toList();
    }
}
