package io.guestgate.bot.webhook;

import io.guestgate.platform.metrics.GuestgateMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/webex}: a thin edge. It reads the raw bytes, at most 64 KiB of them, and lets the intake
 * decide the status. Answers never carry a body, so they say nothing about why a request was refused.
 */
@RestController
class WebhookController {

    static final String PATH = "/webhooks/webex";
    /** Real deliveries are ids only, well under 2 KiB; anything near this limit is not from Webex. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookIntake intake;
    private final GuestgateMetrics metrics;

    WebhookController(WebhookIntake intake, GuestgateMetrics metrics) {
        this.intake = intake;
        this.metrics = metrics;
    }

    @PostMapping(PATH)
    Mono<ResponseEntity<Void>> receive(ServerHttpRequest request) {
        return answer(request).doOnNext(this::count);
    }

    /** Each status has one cause in the intake, so the status names the reason of a rejection. */
    private void count(ResponseEntity<Void> response) {
        metrics.webhookReceived();
        switch (response.getStatusCode().value()) {
            case 401 -> metrics.webhookRejected("signature");
            case 400 -> metrics.webhookRejected("malformed");
            case 413 -> metrics.webhookRejected("too-large");
            case 503 -> metrics.webhookRejected("unavailable");
            default -> {}
        }
    }

    private Mono<ResponseEntity<Void>> answer(ServerHttpRequest request) {
        if (request.getHeaders().getContentLength() > MAX_BODY_BYTES) {
            return Mono.just(status(HttpStatus.CONTENT_TOO_LARGE));
        }
        String signature = request.getHeaders().getFirst(WebhookSignature.HEADER);
        // join with a limit stops reading (and releases what it holds) as soon as the limit is passed, so a
        // chunked body without Content-Length is never buffered whole either.
        return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> intake.accept(new RawWebhook(body, signature)))
                .map(WebhookController::status)
                .onErrorResume(
                        DataBufferLimitException.class, tooLarge -> Mono.just(status(HttpStatus.CONTENT_TOO_LARGE)))
                .onErrorResume(error -> !(error instanceof DataBufferLimitException), error -> {
                    // Whatever broke, Webex is asked to deliver again, and the answer still says nothing.
                    log.error("Webhook intake failed, answering 503: {}", error.toString());
                    return Mono.just(status(HttpStatus.SERVICE_UNAVAILABLE));
                });
    }

    private static ResponseEntity<Void> status(HttpStatus status) {
        return ResponseEntity.status(status).build();
    }
}
