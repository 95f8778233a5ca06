package io.guestgate.platform.webex;

import io.guestgate.platform.metrics.GuestgateMetrics;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Times every Webex call (each retry attempt too) by route. Ids in the path become {@code {id}}, so the number of
 * routes stays small; query strings (which may hold ids) are dropped.
 */
final class WebexCallMetrics implements ExchangeFilterFunction {

    /** A segment that names a resource (letters only) or the API version. Webex ids carry digits or are long. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z_]{1,24}|v[0-9]{1,2}");

    private final GuestgateMetrics metrics;

    WebexCallMetrics(GuestgateMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        long started = System.nanoTime();
        String method = request.method().name();
        String route = route(request.url().getPath());
        return next.exchange(request)
                .doOnNext(response ->
                        metrics.webexCall(method, route, response.statusCode().value(), since(started)))
                .doOnError(error -> metrics.webexCall(method, route, 0, since(started)));
    }

    static String route(String path) {
        String[] segments = path.split("/");
        StringBuilder route = new StringBuilder();
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            route.append('/').append(WORD.matcher(segment).matches() ? segment : "{id}");
        }
        return route.isEmpty() ? "/" : route.toString();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
