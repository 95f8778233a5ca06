package io.guestgate.bot.chain;

import io.guestgate.bot.chain.Incoming.CardAction;
import io.guestgate.bot.chain.Request.CommandRequest;
import io.guestgate.bot.command.CardActionRegistry;
import io.guestgate.bot.command.Command;
import io.guestgate.bot.command.CommandRegistry;
import io.guestgate.bot.command.Verb;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Reply;
import io.guestgate.platform.metrics.GuestgateMetrics;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hands a request to its handler. Mistakes and unknown words are answered here, and a failing handler's error becomes
 * a plain-language reply, so the organizer is never left without an answer.
 * <p>
 * A request reaches its handler at most once: an event processed again because the instance processing it died
 * after handing it over ({@link IntakeQueue#firstDispatch}) is not run a second time. The organizer is told it was
 * interrupted and may or may not be done, and how to check.
 */
@Component
class Dispatch implements Step<Request, Answer> {

    private static final Logger log = LoggerFactory.getLogger(Dispatch.class);

    private final CommandRegistry commands;
    private final CardActionRegistry cards;
    private final Answers answers;
    private final GuestgateMetrics metrics;
    private final IntakeQueue intake;

    Dispatch(
            CommandRegistry commands,
            CardActionRegistry cards,
            Answers answers,
            GuestgateMetrics metrics,
            IntakeQueue intake) {
        this.commands = commands;
        this.cards = cards;
        this.answers = answers;
        this.metrics = metrics;
        this.intake = intake;
    }

    @Override
    public Mono<Void> apply(Request request, Function<Answer, Mono<Void>> next) {
        Language language;
        Flux<Reply> replies;
        String name;
        if (request instanceof CommandRequest commandRequest) {
            Command command = commandRequest.command();
            language = command.language();
            replies = replies(command, commandRequest);
            name = metricName(command);
        } else {
            CardAction card = (CardAction) request;
            language = card.submission().language();
            Optional<Flux<Reply>> handler = cards.dispatch(card.submission(), card.conversation());
            replies = handler.map(handled -> once(card, handled, () -> answers.interruptedCard(language)))
                    .orElseGet(() -> Flux.just(answers.unknownCard(language)));
            // The action comes from the card's inputs, which anyone can write: only a handled one names a series.
            name = "card:" + (handler.isPresent() ? card.submission().action() : "unknown");
        }
        Flux<Reply> answered = replies.doOnComplete(() -> metrics.command(name, outcome(name)))
                .onErrorResume(error -> {
                    metrics.command(name, "failed");
                    return Flux.just(answers.failure(error, language, request.conversation()));
                });
        return next.apply(new Answer(request.conversation(), answered));
    }

    private static String metricName(Command command) {
        if (command instanceof Command.Invalid) {
            return "invalid";
        }
        if (command instanceof Command.Unknown) {
            return "unknown";
        }
        return Verb.of(command)
                .map(verb -> verb.name().toLowerCase(java.util.Locale.ROOT))
                .orElse("other");
    }

    private static String outcome(String name) {
        return name.equals("invalid") || name.equals("unknown") ? "rejected" : "ok";
    }

    private Flux<Reply> replies(Command command, CommandRequest request) {
        if (command instanceof Command.Invalid invalid) {
            return Flux.just(answers.invalid(invalid));
        }
        if (command instanceof Command.Unknown unknown) {
            return Flux.just(answers.unknown(unknown));
        }
        // Startup refuses a command without a handler (CommandRegistry), so every other command has one here.
        Verb verb = Verb.of(command).orElseThrow();
        Flux<Reply> handler = commands.dispatch(command, request.conversation())
                .orElseThrow(() -> new IllegalStateException(
                        "No handler for " + command.getClass().getName()));
        return once(request, handler, () -> answers.interrupted(verb, command.language()));
    }

    /** The handler's replies if the request reaches it for the first time, else {@code interrupted}. */
    private Flux<Reply> once(Request request, Flux<Reply> handler, Supplier<Reply> interrupted) {
        return intake.firstDispatch(request.eventId()).flatMapMany(first -> {
            if (first) {
                return handler;
            }
            log.warn(
                    "Event {} of person {} in space {} reached its handler before, on an instance that did not "
                            + "finish it; not run again",
                    request.eventId(),
                    request.conversation().personId(),
                    request.conversation().roomId());
            return Flux.just(interrupted.get());
        });
    }
}
