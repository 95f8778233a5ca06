package io.guestgate.bot.command.account;

import io.guestgate.bot.command.Command.Login;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.reply.Reply;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** {@code login} / {@code anmelden}: a fresh, single-use link to link the Webex account, sent 1:1. */
@Component
class LoginHandler implements CommandHandler<Login> {

    private final OrganizerSession session;

    LoginHandler(OrganizerSession session) {
        this.session = session;
    }

    @Override
    public Class<Login> commandType() {
        return Login.class;
    }

    @Override
    public Flux<Reply> handle(Login command, Conversation conversation) {
        return session.loginLink(conversation, command.language());
    }
}
