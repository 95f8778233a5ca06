package io.guestgate.bot.chain;

import java.util.Objects;

import io.guestgate.bot.command.Command;
import io.guestgate.bot.command.Conversation;

/** What is dispatched to a handler: a parsed command, or a card submission. */
sealed interface Request permits Request.CommandRequest, Incoming.CardAction {

    Conversation conversation();

    record CommandRequest(Conversation conversation, Command command) implements Request {
        public CommandRequest {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(command, "command");
        }
    }
}
