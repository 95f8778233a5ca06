package io.guestgate.bot.command;

import io.guestgate.bot.reply.Reply;
import reactor.core.publisher.Flux;

/**
 * Runs one kind of card submission, chosen by the card's {@code action} input ({@code create-meeting},
 * {@code add-participants}, {@code admission}, …). Beans; the registry refuses to start when two claim the same
 * action. The conversation is the card's space; the sender is who pressed the button, as Webex says.
 */
public interface CardActionHandler {

    /** The value of the card's {@code action} input this handler serves. */
    String action();

    Flux<Reply> handle(CardSubmission submission, Conversation conversation);
}
