package io.guestgate.bot.webhook;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The first step: without a valid signature nothing else happens, and the answer is a bare 401. */
@Component
class VerifySignature implements IntakeStep<RawWebhook, RawWebhook> {

    private static final Logger log = LoggerFactory.getLogger(VerifySignature.class);

    private final WebhookSignature signature;

    VerifySignature(WebhookSignature signature) {
        this.signature = signature;
    }

    @Override
    public Mono<HttpStatus> apply(RawWebhook webhook, Function<RawWebhook, Mono<HttpStatus>> next) {
        if (!signature.matches(webhook.body(), webhook.signature())) {
            log.info(
                    "Refused a webhook delivery with a {} signature",
                    webhook.signature() == null ? "missing" : "wrong");
            return Mono.just(HttpStatus.UNAUTHORIZED);
        }
        return next.apply(webhook);
    }
}
