package io.guestgate.webex;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/** Turns Webex error answers and transport failures into {@link WebexApiException}. */
final class WebexFailures {

    private WebexFailures() {}

    static WebexApiException ofResponse(HttpMethod method, String path, int status, HttpHeaders headers, String text) {
        ErrorBody error = ErrorBody.parse(text);
        String trackingId = error.trackingId() != null ? error.trackingId() : trackingIdHeader(headers);
        return WebexApiException.ofResponse(
                status,
                method.name(),
                path,
                error.bestMessage(),
                error.descriptions(),
                trackingId,
                retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)));
    }

    static String trackingIdHeader(HttpHeaders headers) {
        return headers.getFirst("TrackingID");
    }

    /** {@code Retry-After} is either delta-seconds or an HTTP date (RFC 9110 10.2.3). */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return trimmed.length() > 9 ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(trimmed));
        }
        try {
            Duration until = Duration.between(
                    ZonedDateTime.now(), ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    static WebexApiException ofTransport(HttpMethod method, String path, WebClientRequestException failure) {
        boolean neverConnected = false;
        boolean timeout = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof ConnectTimeoutException
                    || cause instanceof UnknownHostException
                    || cause instanceof UnresolvedAddressException
                    || cause instanceof NoRouteToHostException) {
                neverConnected = true;
            }
            if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
                timeout = true;
            }
        }
        return WebexApiException.ofConnection(method.name(), path, timeout && !neverConnected, neverConnected, failure);
    }
}
