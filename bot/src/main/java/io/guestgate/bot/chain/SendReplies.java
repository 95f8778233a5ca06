package io.guestgate.bot.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The end of the chain: sends the replies in order. One that Webex refuses does not stop the others. */
@Component
class SendReplies {

    private static final Logger log = LoggerFactory.getLogger(SendReplies.class);

    private final ReplySender sender;

    SendReplies(ReplySender sender) {
        this.sender = sender;
    }

    Mono<Void> send(Answer answer) {
        return answer.replies()
                .concatMap(reply -> sender.send(answer.conversation(), reply)
                        .doOnError(e -> log.warn(
                                "Could not send a {} reply to person {} in space {}: {}",
                                reply.audience(),
                                answer.conversation().personId(),
                                answer.conversation().roomId(),
                                e.toString()))
                        .onErrorResume(e -> Mono.empty()))
                .then();
    }
}
