package io.guestgate.bot.chain;

import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.reply.Reply;
import io.guestgate.platform.webex.WebexProperties;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.messages.CreateMessageRequest;
import io.guestgate.webex.messages.Message;
import io.guestgate.webex.oauth.AccessToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends a reply as the bot: into the command's space, in its thread if it was written in one; or 1:1 to the sender.
 */
@Component
class ReplySender {

    private final WebexClient webex;
    private final AccessToken bot;

    ReplySender(WebexClient webex, WebexProperties properties) {
        this.webex = webex;
        this.bot = properties.bot();
    }

    Mono<Message> send(Conversation conversation, Reply reply) {
        CreateMessageRequest.Builder message = switch (reply.audience()) {
            case CONVERSATION ->
                conversation
                        .parentId()
                        .map(parent -> CreateMessageRequest.toRoom(conversation.roomId())
                                .inThread(parent))
                        .orElseGet(() -> CreateMessageRequest.toRoom(conversation.roomId()));
            case SENDER_DIRECTLY -> CreateMessageRequest.toPerson(conversation.personId());
        };
        message.markdown(reply.markdown());
        reply.card().ifPresent(message::adaptiveCard);
        return webex.messages().create(bot, message.build());
    }
}
