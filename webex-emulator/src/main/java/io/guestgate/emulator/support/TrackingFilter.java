package io.guestgate.emulator.support;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Every answer carries a TrackingID header, the same id that any error body names. */
@Component
@Order(FilterOrder.TRACKING)
class TrackingFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().getHeaders().set(TrackingIds.HEADER, TrackingIds.of(exchange));
        return chain.filter(exchange);
    }
}
