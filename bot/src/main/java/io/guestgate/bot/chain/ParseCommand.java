package io.guestgate.bot.chain;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.guestgate.bot.chain.Incoming.CardAction;
import io.guestgate.bot.chain.Incoming.ChatMessage;
import io.guestgate.bot.chain.Request.CommandRequest;
import io.guestgate.bot.command.CommandParser;
import reactor.core.publisher.Mono;

/** Text becomes a typed command; a card submission needs no parsing and passes as it is. */
@Component
class ParseCommand implements Step<Incoming, Request> {

    private final CommandParser parser;

    ParseCommand(CommandParser parser) {
        this.parser = parser;
    }

    @Override
    public Mono<Void> apply(Incoming incoming, Function<Request, Mono<Void>> next) {
        if (incoming instanceof ChatMessage message) {
            return next.apply(new CommandRequest(message.conversation(), parser.parse(message.text()),
                    message.messageId()));
        }
        return next.apply((CardAction) incoming);
    }
}
