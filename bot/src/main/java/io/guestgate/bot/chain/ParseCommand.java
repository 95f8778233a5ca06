package io.guestgate.bot.chain;

import io.guestgate.bot.chain.Incoming.CardAction;
import io.guestgate.bot.chain.Incoming.ChatMessage;
import io.guestgate.bot.chain.Request.CommandRequest;
import io.guestgate.bot.command.CommandParser;
import io.guestgate.bot.i18n.OrganizerZones;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Text becomes a typed command, its times read in the sender's own time zone; a card submission needs no parsing and
 * passes as it is.
 */
@Component
class ParseCommand implements Step<Incoming, Request> {

    private final CommandParser parser;
    private final OrganizerZones zones;

    ParseCommand(CommandParser parser, OrganizerZones zones) {
        this.parser = parser;
        this.zones = zones;
    }

    @Override
    public Mono<Void> apply(Incoming incoming, Function<Request, Mono<Void>> next) {
        if (incoming instanceof ChatMessage message) {
            return zones.of(message.conversation().personId())
                    .flatMap(zone -> next.apply(new CommandRequest(
                            message.conversation(), parser.inZone(zone).parse(message.text()), message.messageId())));
        }
        return next.apply((CardAction) incoming);
    }
}
