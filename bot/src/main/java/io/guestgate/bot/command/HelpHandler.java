package io.guestgate.bot.command;

import org.springframework.stereotype.Component;

import io.guestgate.bot.command.Command.Help;
import io.guestgate.bot.reply.Reply;
import reactor.core.publisher.Flux;

/** {@code help} / {@code hilfe}. */
@Component
class HelpHandler implements CommandHandler<Help> {

    private final HelpText help;

    HelpHandler(HelpText help) {
        this.help = help;
    }

    @Override
    public Verb verb() {
        return Verb.HELP;
    }

    @Override
    public Class<Help> commandType() {
        return Help.class;
    }

    @Override
    public Flux<Reply> handle(Help command, Conversation conversation) {
        return Flux.just(Reply.text(help.full(command.language())));
    }
}
