package io.guestgate.bot.command.account;

import io.guestgate.bot.command.Command.Logout;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.account.OrganizerAccounts;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** {@code logout} / {@code abmelden}: deletes the organizer's stored tokens. */
@Component
class LogoutHandler implements CommandHandler<Logout> {

    private final OrganizerAccounts accounts;
    private final BotMessages messages;

    LogoutHandler(OrganizerAccounts accounts, BotMessages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    public Class<Logout> commandType() {
        return Logout.class;
    }

    @Override
    public Flux<Reply> handle(Logout command, Conversation conversation) {
        return accounts.find(conversation.personId())
                .map(account -> account.isLinked())
                .defaultIfEmpty(false)
                .flatMap(wasLinked -> accounts.unlink(conversation.personId()).thenReturn(wasLinked))
                .map(wasLinked ->
                        Reply.text(messages.text(command.language(), wasLinked ? "logout.done" : "logout.not-linked")))
                .flux();
    }
}
