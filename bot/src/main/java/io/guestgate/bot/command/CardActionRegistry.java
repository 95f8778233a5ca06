package io.guestgate.bot.command;

import io.guestgate.bot.reply.Reply;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Every {@link CardActionHandler}, by action. Startup fails when two handlers claim the same action. */
@Component
public class CardActionRegistry {

    private final Map<String, CardActionHandler> byAction = new HashMap<>();

    public CardActionRegistry(List<CardActionHandler> handlers) {
        for (CardActionHandler handler : handlers) {
            if (handler.action() == null || handler.action().isBlank()) {
                throw new IllegalStateException(handler.getClass().getName() + " names no card action");
            }
            CardActionHandler before = byAction.putIfAbsent(handler.action(), handler);
            if (before != null) {
                throw new IllegalStateException("Two card handlers claim the action '" + handler.action() + "': "
                        + before.getClass().getName() + " and "
                        + handler.getClass().getName());
            }
        }
    }

    /** The handler's replies; empty when no handler serves the submission's action. */
    public Optional<Flux<Reply>> dispatch(CardSubmission submission, Conversation conversation) {
        CardActionHandler handler = byAction.get(submission.action());
        return handler == null
                ? Optional.empty()
                : Optional.of(Flux.defer(() -> handler.handle(submission, conversation)));
    }
}
