package io.guestgate.emulator.faults;

import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.FilterOrder;
import java.time.Duration;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies armed faults before authentication, the way a rate limiter in front of Webex would; a lost answer lets the
 * call through and holds back what it answers.
 */
@Component
@Order(FilterOrder.FAULTS)
class FaultFilter implements WebFilter {

    private final FaultInjector faults;

    FaultFilter(FaultInjector faults) {
        this.faults = faults;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/_emulator/")) {
            return chain.filter(exchange);
        }
        return faults.take(exchange.getRequest().getMethod().name(), path)
                .map(fault -> apply(fault, exchange, chain))
                .orElseGet(() -> chain.filter(exchange));
    }

    private Mono<Void> apply(Fault fault, ServerWebExchange exchange, WebFilterChain chain) {
        if (Boolean.TRUE.equals(fault.answerLost())) {
            Duration late = Duration.ofMillis(fault.delayMillis());
            ServerHttpResponseDecorator held = new ServerHttpResponseDecorator(exchange.getResponse()) {
                @Override
                public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                    return Mono.delay(late).then(super.writeWith(body));
                }

                @Override
                public Mono<Void> setComplete() {
                    return Mono.delay(late).then(super.setComplete());
                }
            };
            return chain.filter(exchange.mutate().response(held).build());
        }
        Mono<Void> delay = fault.delayMillis() == null
                ? Mono.empty()
                : Mono.delay(Duration.ofMillis(fault.delayMillis())).then();
        if (fault.status() == null) {
            return delay.then(chain.filter(exchange));
        }
        Map<String, String> headers = fault.retryAfterSeconds() == null
                ? Map.of()
                : Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(fault.retryAfterSeconds()));
        HttpStatus status = HttpStatus.valueOf(fault.status());
        return delay.then(Mono.error(new ApiException(status, messageFor(status), headers)));
    }

    private static String messageFor(HttpStatus status) {
        return switch (status.value()) {
            case 429 ->
                "Too many requests have been sent in a given amount of time and the request has been rate limited.";
            case 423 -> "The requested resource is temporarily unavailable.";
            case 503 -> "Service Unavailable: Server is overloaded with requests. Try again later.";
            default -> status.getReasonPhrase();
        };
    }
}
