package io.guestgate.bot.webhook;

import java.util.function.Function;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * One step between receiving a webhook and answering it. A step answers itself (401, 413, a duplicate's 200, 503)
 * or hands on to {@code next}, whose status becomes the answer.
 */
@FunctionalInterface
interface IntakeStep<I, O> {

    Mono<HttpStatus> apply(I input, Function<O, Mono<HttpStatus>> next);

    default <P> IntakeStep<I, P> then(IntakeStep<O, P> after) {
        return (input, next) -> apply(input, output -> after.apply(output, next));
    }
}
