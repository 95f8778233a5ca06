package io.guestgate.bot.command;

import io.guestgate.bot.command.Command.Help;
import io.guestgate.bot.i18n.OrganizerZones;
import io.guestgate.bot.reply.Reply;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** {@code help} / {@code hilfe}. */
@Component
class HelpHandler implements CommandHandler<Help> {

    private final HelpText help;
    private final OrganizerZones zones;

    HelpHandler(HelpText help, OrganizerZones zones) {
        this.help = help;
        this.zones = zones;
    }

    @Override
    public Class<Help> commandType() {
        return Help.class;
    }

    @Override
    public Flux<Reply> handle(Help command, Conversation conversation) {
        return zones.of(conversation.personId())
                .map(zone -> Reply.text(help.full(command.language(), zone)))
                .flux();
    }
}
