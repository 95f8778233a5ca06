package io.guestgate.landing.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/** Keeps every bearer JWT the application sends to {@code /jwt/login}, and whether Webex accepted it. */
public class GuestJwtRecorder implements ExchangeFilterFunction {

    /** A JWT and the status {@code /jwt/login} answered. */
    public record Exchange(String jwt, int status) {}

    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (!request.url().getPath().endsWith("/jwt/login")) {
            return next.exchange(request);
        }
        String authorization = request.headers().getFirst(HttpHeaders.AUTHORIZATION);
        String jwt = authorization == null ? "" : authorization.substring("Bearer ".length());
        return next.exchange(request)
                .doOnNext(response ->
                        exchanges.add(new Exchange(jwt, response.statusCode().value())));
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }
}
