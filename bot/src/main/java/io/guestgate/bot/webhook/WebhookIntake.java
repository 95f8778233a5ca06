package io.guestgate.bot.webhook;

import io.guestgate.bot.chain.IntakeQueue;
import io.guestgate.bot.chain.WebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What happens before a webhook is answered: verify the signature → decode → take the event in, once
 * ({@link IntakeQueue}). Everything else (fetching, parsing, replying) runs after the answer, on whichever instance
 * reads the event, so Webex never waits on it.
 */
@Component
class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final IntakeStep<RawWebhook, WebhookEvent> steps;
    private final IntakeQueue queue;

    WebhookIntake(VerifySignature verify, DecodeEvent decode, IntakeQueue queue) {
        this.steps = verify.then(decode);
        this.queue = queue;
    }

    Mono<HttpStatus> accept(RawWebhook webhook) {
        return steps.apply(webhook, this::takeIn);
    }

    private Mono<HttpStatus> takeIn(WebhookEvent event) {
        return queue.accept(event)
                .map(acceptance -> {
                    if (acceptance == IntakeQueue.Acceptance.FULL) {
                        log.warn(
                                "Event {} {} refused: too many events wait, Webex will deliver it again",
                                event.kind(),
                                event.dataId());
                        return HttpStatus.SERVICE_UNAVAILABLE;
                    }
                    return HttpStatus.OK;
                })
                .onErrorResume(error -> {
                    log.warn(
                            "Could not take in event {} {} in Redis, answering 503 for redelivery: {}",
                            event.kind(),
                            event.dataId(),
                            error.toString());
                    return Mono.just(HttpStatus.SERVICE_UNAVAILABLE);
                })
                .defaultIfEmpty(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
