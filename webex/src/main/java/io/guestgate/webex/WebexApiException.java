package io.guestgate.webex;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one error type of the client: Webex answered with an error status, or could not be reached.
 * It carries what Webex says about the failure ({@code message}, {@code errors[].description},
 * {@code trackingId} for Cisco support) and never a token or request body.
 */
public final class WebexApiException extends RuntimeException {

    /** What went wrong, so callers can branch without comparing status codes. */
    public enum Kind {
        /** 401: the token is invalid or expired; for an organizer, refresh once and retry. */
        UNAUTHORIZED,
        /** 403: the token lacks a scope or the identity may not do this. */
        FORBIDDEN,
        /** 404 (and 410): the resource does not exist (any more). */
        NOT_FOUND,
        /** 409: the resource is in a conflicting state. */
        CONFLICT,
        /** 429 or 423, still failing after the allowed retries. */
        RATE_LIMITED,
        /** Any other 4xx: the request itself is wrong. */
        BAD_REQUEST,
        /** 5xx. */
        SERVER_ERROR,
        /** No answer: the connection failed or broke. {@link #status()} is 0. */
        CONNECTION_FAILED,
        /** No answer within the response timeout. {@link #status()} is 0. */
        TIMEOUT,
        /** Webex answered 2xx, but with a body (or a next-page link) the client cannot use. */
        INVALID_RESPONSE
    }

    private final Kind kind;
    private final int status;
    private final String method;
    private final String path;
    private final String webexMessage;
    private final List<String> errorDescriptions;
    private final String trackingId;
    private final transient Duration retryAfter;
    private final boolean neverConnected;

    private WebexApiException(
            Kind kind,
            int status,
            String method,
            String path,
            String webexMessage,
            List<String> errorDescriptions,
            String trackingId,
            Duration retryAfter,
            boolean neverConnected,
            Throwable cause) {
        super(describe(kind, status, method, path, webexMessage, errorDescriptions, trackingId), cause);
        this.kind = kind;
        this.status = status;
        this.method = method;
        this.path = path;
        this.webexMessage = webexMessage;
        this.errorDescriptions = List.copyOf(errorDescriptions);
        this.trackingId = trackingId;
        this.retryAfter = retryAfter;
        this.neverConnected = neverConnected;
    }

    static WebexApiException ofResponse(
            int status,
            String method,
            String path,
            String webexMessage,
            List<String> errorDescriptions,
            String trackingId,
            Duration retryAfter) {
        return new WebexApiException(
                kindOf(status),
                status,
                method,
                path,
                webexMessage,
                errorDescriptions,
                trackingId,
                retryAfter,
                false,
                null);
    }

    static WebexApiException ofConnection(
            String method, String path, boolean timeout, boolean neverConnected, Throwable cause) {
        String reason = cause.getClass().getSimpleName();
        return new WebexApiException(
                timeout ? Kind.TIMEOUT : Kind.CONNECTION_FAILED,
                0,
                method,
                path,
                (neverConnected ? "no connection: " : "connection failed: ") + reason,
                List.of(),
                null,
                null,
                neverConnected,
                cause);
    }

    static WebexApiException ofInvalidResponse(
            int status, String method, String path, String problem, String trackingId, Throwable cause) {
        return new WebexApiException(
                Kind.INVALID_RESPONSE, status, method, path, problem, List.of(), trackingId, null, false, cause);
    }

    private static Kind kindOf(int status) {
        return switch (status) {
            case 401 -> Kind.UNAUTHORIZED;
            case 403 -> Kind.FORBIDDEN;
            case 404, 410 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 423, 429 -> Kind.RATE_LIMITED;
            default -> status >= 500 ? Kind.SERVER_ERROR : Kind.BAD_REQUEST;
        };
    }

    private static String describe(
            Kind kind,
            int status,
            String method,
            String path,
            String message,
            List<String> descriptions,
            String trackingId) {
        StringBuilder text = new StringBuilder("Webex ")
                .append(method)
                .append(' ')
                .append(path)
                .append(": ");
        text.append(status > 0 ? Integer.toString(status) : kind.name());
        if (message != null && !message.isBlank()) {
            text.append(' ').append(message);
        }
        if (!descriptions.isEmpty()) {
            text.append(' ').append(descriptions);
        }
        if (trackingId != null) {
            text.append(" (trackingId ").append(trackingId).append(')');
        }
        return text.toString();
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** The HTTP method of the failed call. */
    public String method() {
        return method;
    }

    /** The URL path of the failed call, without query. */
    public String path() {
        return path;
    }

    /** Webex's {@code message}, or {@code null}. */
    public String webexMessage() {
        return webexMessage;
    }

    /** Webex's {@code errors[].description}, possibly empty. */
    public List<String> errorDescriptions() {
        return errorDescriptions;
    }

    /** Webex's {@code trackingId} (body, else the {@code TrackingID} header), or {@code null}. */
    public String trackingId() {
        return trackingId;
    }

    /** The server's {@code Retry-After}, if it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** True when the request never left: no connection was made, so not even a POST can have acted. */
    public boolean neverConnected() {
        return neverConnected;
    }

    public boolean isUnauthorized() {
        return kind == Kind.UNAUTHORIZED;
    }

    public boolean isNotFound() {
        return kind == Kind.NOT_FOUND;
    }

    public boolean isConflict() {
        return kind == Kind.CONFLICT;
    }

    public boolean isRateLimited() {
        return kind == Kind.RATE_LIMITED;
    }

    /** No response at all: connection failure or timeout. */
    public boolean isConnectionFailure() {
        return kind == Kind.CONNECTION_FAILED || kind == Kind.TIMEOUT;
    }
}
