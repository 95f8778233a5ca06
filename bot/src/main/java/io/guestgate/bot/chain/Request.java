package io.guestgate.bot.chain;

import io.guestgate.bot.command.Command;
import io.guestgate.bot.command.Conversation;
import java.util.Objects;

/** What is dispatched to a handler: a parsed command, or a card submission. */
sealed interface Request permits Request.CommandRequest, Incoming.CardAction {

    Conversation conversation();

    /** The webhook event's {@code data.id}: the message's id, or the card action's. */
    String eventId();

    record CommandRequest(Conversation conversation, Command command, String eventId) implements Request {
        public CommandRequest {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(eventId, "eventId");
        }
    }
}
