package io.guestgate.emulator.journal;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.support.FilterOrder;
import java.time.Clock;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Records each /v1 call when its response is committed, so error and injected-fault answers count too. */
@Component
@Order(FilterOrder.JOURNAL)
class JournalFilter implements WebFilter {

    private final RequestJournal journal;
    private final Clock clock;

    JournalFilter(RequestJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (!path.startsWith("/v1/")) {
            return chain.filter(exchange);
        }
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            Caller caller = exchange.getAttribute(Caller.class.getName());
            journal.record(new JournalEntry(
                    request.getMethod().name(),
                    path,
                    List.copyOf(request.getQueryParams().keySet()),
                    status == null ? 200 : status.value(),
                    clock.instant(),
                    exchange.getAttribute(RequestJournal.GRANT_ATTRIBUTE),
                    caller == null ? null : caller.personId()));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
