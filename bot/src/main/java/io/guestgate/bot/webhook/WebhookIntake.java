package io.guestgate.bot.webhook;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.guestgate.bot.chain.EventProcessor;
import io.guestgate.bot.chain.WebhookEvent;
import reactor.core.publisher.Mono;

/**
 * What happens before a webhook is answered: verify the signature → decode → record the event once → hand it to the
 * processor. Everything else (fetching, parsing, replying) runs after the answer, so Webex never waits on it.
 */
@Component
class WebhookIntake {

    private final IntakeStep<RawWebhook, WebhookEvent> steps;
    private final EventProcessor processor;

    WebhookIntake(VerifySignature verify, DecodeEvent decode, Deduplicate deduplicate, EventProcessor processor) {
        this.steps = verify.then(decode).then(deduplicate);
        this.processor = processor;
    }

    Mono<HttpStatus> accept(RawWebhook webhook) {
        return steps.apply(webhook, event -> Mono.just(processor.offer(event) ? HttpStatus.OK
                : HttpStatus.SERVICE_UNAVAILABLE));
    }
}
