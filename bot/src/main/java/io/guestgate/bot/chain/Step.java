package io.guestgate.bot.chain;

import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * One step of the chain an incoming event runs through. A step either calls {@code next} with what it made of its
 * input, or ends the chain by not calling it (a duplicate, the bot's own message, a sender who is not allowed).
 * Each step is tested alone, with a lambda as {@code next}.
 *
 * @param <I> what the step takes
 * @param <O> what it hands on
 */
@FunctionalInterface
public interface Step<I, O> {

    Mono<Void> apply(I input, Function<O, Mono<Void>> next);

    /** This step, then {@code after}. */
    default <P> Step<I, P> then(Step<O, P> after) {
        return (input, next) -> apply(input, output -> after.apply(output, next));
    }
}
