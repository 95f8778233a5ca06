package io.guestgate.bot.chain;

import io.guestgate.bot.command.CardSubmission;
import io.guestgate.bot.command.Conversation;
import java.util.List;
import java.util.Objects;

/** An event with its content fetched from Webex: a chat message, or a card submission. */
sealed interface Incoming permits Incoming.ChatMessage, Incoming.CardAction {

    Conversation conversation();

    /** A message to the bot: in a group space it starts with the bot's @mention. */
    record ChatMessage(Conversation conversation, String messageId, String text, List<String> mentionedPeople)
            implements Incoming {
        public ChatMessage {
            Objects.requireNonNull(conversation, "conversation");
            text = text == null ? "" : text;
            mentionedPeople = List.copyOf(mentionedPeople);
        }

        ChatMessage withText(String newText) {
            return new ChatMessage(conversation, messageId, newText, mentionedPeople);
        }
    }

    /** A card the bot sent, submitted. It needs no parsing: the card's {@code action} input names its handler. */
    record CardAction(Conversation conversation, CardSubmission submission, String eventId)
            implements Incoming, Request {
        public CardAction {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(submission, "submission");
            Objects.requireNonNull(eventId, "eventId");
        }
    }
}
