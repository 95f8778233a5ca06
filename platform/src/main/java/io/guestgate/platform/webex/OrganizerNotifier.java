package io.guestgate.platform.webex;

import io.guestgate.webex.WebexClient;
import io.guestgate.webex.messages.CreateMessageRequest;
import io.guestgate.webex.messages.Message;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells an organizer something in a 1:1 message from the bot: who got in, who was refused, how invitations went.
 */
@Component
public class OrganizerNotifier {

    private static final Logger log = LoggerFactory.getLogger(OrganizerNotifier.class);

    private final WebexClient webex;
    private final WebexProperties properties;

    OrganizerNotifier(WebexClient webex, WebexProperties properties) {
        this.webex = webex;
        this.properties = properties;
    }

    /** Sends {@code markdown} to the person; errors if Webex refuses. */
    public Mono<Message> tell(String personId, String markdown) {
        return Mono.defer(() -> webex.messages()
                .create(
                        properties.bot(),
                        CreateMessageRequest.toPerson(personId)
                                .markdown(markdown)
                                .build()));
    }

    /** Sends an adaptive card, with {@code markdown} as the fallback for clients that cannot show cards. */
    public Mono<Message> tellWithCard(String personId, String markdown, Map<String, Object> card) {
        return Mono.defer(() -> webex.messages()
                .create(
                        properties.bot(),
                        CreateMessageRequest.toPerson(personId)
                                .markdown(markdown)
                                .adaptiveCard(card)
                                .build()));
    }

    /**
     * Like {@link #tell}, for notices whose loss must not fail the caller's work (the decision is in the audit trail
     * either way): a failure is logged, with ids only, and swallowed.
     */
    public Mono<Void> tellQuietly(String personId, String markdown) {
        return tell(personId, markdown)
                .doOnError(e -> log.warn("Could not notify organizer {}: {}", personId, e.toString()))
                .onErrorResume(e -> Mono.empty())
                .then();
    }
}
