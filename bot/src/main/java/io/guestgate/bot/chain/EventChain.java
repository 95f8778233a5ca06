package io.guestgate.bot.chain;

import io.guestgate.bot.lobby.Door;
import io.guestgate.bot.meetingsync.MeetingSync;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The ordered chain a verified, first-seen event runs through: ignore the bot's own messages → check the sender →
 * fetch the message or card → strip the @mention → parse → dispatch → reply. Participant changes go to the door, and
 * meetings changed in Webex itself to {@link MeetingSync}. (Verification and deduplication happen
 * before the webhook is answered; see {@code io.guestgate.bot.webhook}.)
 */
@Component
public class EventChain {

    private final Step<WebhookEvent, Answer> steps;
    private final SendReplies replies;
    private final Door door;
    private final MeetingSync sync;

    EventChain(
            IgnoreSelf ignoreSelf,
            AllowedSender allowedSender,
            FetchContent fetch,
            StripMention stripMention,
            ParseCommand parse,
            Dispatch dispatch,
            SendReplies replies,
            Door door,
            MeetingSync sync) {
        this.steps = ignoreSelf
                .then(allowedSender)
                .then(fetch)
                .then(stripMention)
                .then(parse)
                .then(dispatch);
        this.replies = replies;
        this.door = door;
        this.sync = sync;
    }

    /**
     * Runs the event to its end; completes when every reply was sent (or the chain stopped early). A change among a
     * meeting's participants goes to the door instead: it is nobody's chat.
     */
    public Mono<Void> process(WebhookEvent event) {
        if (event.kind() == WebhookEvent.Kind.PARTICIPANT) {
            return Mono.defer(() -> door.participantsChanged(event.meetingId()));
        }
        if (event.kind() == WebhookEvent.Kind.MEETING) {
            return Mono.defer(() -> sync.changed(event.meetingId()));
        }
        return Mono.defer(() -> steps.apply(event, replies::send));
    }
}
