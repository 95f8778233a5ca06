package io.guestgate.emulator.support;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** An error the emulator answers in Webex's shape: {@code {message, errors:[{description}], trackingId}}. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, String> headers;

    public ApiException(HttpStatus status, String message) {
        this(status, message, Map.of());
    }

    public ApiException(HttpStatus status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    public static ApiException unauthorized() {
        return new ApiException(
                HttpStatus.UNAUTHORIZED,
                "The request requires a valid access token set in the Authorization request header.");
    }
}
