package io.guestgate.bot.webhook;

import io.guestgate.platform.metrics.GuestgateMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/webex}: a thin edge. It reads the raw bytes, at most 64 KiB of them, and lets the intake
 * decide the status. Answers never carry a body, so they say nothing about why a request was refused.
 * <p>
 * A functional endpoint rather than an annotated controller: it is the busiest path, and a route is matched before
 * any annotated handler and needs no argument resolution or result handling.
 */
@Configuration(proxyBeanMethods = false)
class WebhookEndpoint {

    static final String PATH = "/webhooks/webex";
    /** Real deliveries are ids only, well under 2 KiB; anything near this limit is not from Webex. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);

    private final WebhookIntake intake;
    private final GuestgateMetrics metrics;

    WebhookEndpoint(WebhookIntake intake, GuestgateMetrics metrics) {
        this.intake = intake;
        this.metrics = metrics;
    }

    @Bean
    RouterFunction<ServerResponse> webhookRoute() {
        return RouterFunctions.route(RequestPredicates.POST(PATH), this::receive);
    }

    Mono<ServerResponse> receive(ServerRequest request) {
        return answer(request)
                .doOnNext(this::count)
                .flatMap(status -> ServerResponse.status(status).build());
    }

    /** Each status has one cause in the intake, so the status names the reason of a rejection. */
    private void count(HttpStatus status) {
        metrics.webhookReceived();
        switch (status.value()) {
            case 401 -> metrics.webhookRejected("signature");
            case 400 -> metrics.webhookRejected("malformed");
            case 413 -> metrics.webhookRejected("too-large");
            case 503 -> metrics.webhookRejected("unavailable");
            default -> {}
        }
    }

    private Mono<HttpStatus> answer(ServerRequest request) {
        if (request.headers().contentLength().orElse(-1) > MAX_BODY_BYTES) {
            return Mono.just(HttpStatus.CONTENT_TOO_LARGE);
        }
        String signature = request.headers().firstHeader(WebhookSignature.HEADER);
        // join with a limit stops reading (and releases what it holds) as soon as the limit is passed, so a
        // chunked body without Content-Length is never buffered whole either.
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), MAX_BODY_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> intake.accept(new RawWebhook(body, signature)))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(HttpStatus.CONTENT_TOO_LARGE))
                .onErrorResume(error -> !(error instanceof DataBufferLimitException), error -> {
                    // Whatever broke, Webex is asked to deliver again, and the answer still says nothing.
                    log.error("Webhook intake failed, answering 503: {}", error.toString());
                    return Mono.just(HttpStatus.SERVICE_UNAVAILABLE);
                });
    }
}
