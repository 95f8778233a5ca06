package io.guestgate.bot.chain;

import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.reply.Reply;
import java.util.Objects;
import reactor.core.publisher.Flux;

/** The replies to a request, to be sent in order as they come. Failures are already turned into replies. */
record Answer(Conversation conversation, Flux<Reply> replies) {

    Answer {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(replies, "replies");
    }
}
