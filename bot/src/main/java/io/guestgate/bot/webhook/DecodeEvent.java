package io.guestgate.bot.webhook;

import io.guestgate.bot.BotProperties;
import io.guestgate.bot.chain.WebhookEvent;
import io.guestgate.bot.chain.WebhookEvent.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the verified bytes into a typed event: new messages, submitted cards, and changes among the participants of
 * an organizer's meetings. Events the bot does not handle (other resources, updates, deletions) are acknowledged and
 * dropped, and so are messages and card actions created before the dedupe window (a captured delivery replayed once its
 * id is forgotten); a body that is not a webhook envelope gets 400.
 */
@Component
class DecodeEvent implements IntakeStep<RawWebhook, WebhookEvent> {

    private static final Logger log = LoggerFactory.getLogger(DecodeEvent.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Duration replayWindow;
    private final Clock clock;

    DecodeEvent(BotProperties properties, Clock clock) {
        this.replayWindow = properties.intake().dedupeTtl();
        this.clock = clock;
    }

    @Override
    public Mono<HttpStatus> apply(RawWebhook webhook, Function<WebhookEvent, Mono<HttpStatus>> next) {
        Map<?, ?> envelope;
        try {
            envelope = JSON.readValue(webhook.body(), Map.class);
        } catch (JacksonException notJson) {
            log.info("Refused a signed webhook delivery that is not JSON");
            return Mono.just(HttpStatus.BAD_REQUEST);
        }
        if (envelope == null || !(envelope.get("data") instanceof Map<?, ?> data)) {
            return Mono.just(HttpStatus.BAD_REQUEST);
        }
        if ("meetingParticipants".equals(envelope.get("resource"))) {
            return participant(envelope, data, next);
        }
        if ("meetings".equals(envelope.get("resource"))) {
            return meeting(envelope, data, next);
        }
        if (!"created".equals(envelope.get("event"))) {
            return Mono.just(HttpStatus.OK);
        }
        Kind kind;
        if ("messages".equals(envelope.get("resource"))) {
            kind = Kind.MESSAGE;
        } else if ("attachmentActions".equals(envelope.get("resource"))) {
            kind = Kind.CARD_ACTION;
        } else {
            return Mono.just(HttpStatus.OK);
        }
        if (replayed(data)) {
            // A signed delivery captured and sent again once its id is forgotten would run its command again.
            log.warn(
                    "Ignored a replayed {} delivery {}: created {}, before the dedupe window of {}",
                    envelope.get("resource"),
                    text(data, "id"),
                    text(data, "created"),
                    replayWindow);
            return Mono.just(HttpStatus.OK);
        }
        WebhookEvent event;
        try {
            event = new WebhookEvent(
                    kind, text(data, "id"), text(data, "roomId"), text(data, "personId"), text(data, "personEmail"));
        } catch (IllegalArgumentException malformed) {
            log.info("Refused a signed webhook delivery: {}", malformed.getMessage());
            return Mono.just(HttpStatus.BAD_REQUEST);
        }
        return next.apply(event);
    }

    /** Whether the message or card action was created before the dedupe window: its id may be forgotten. */
    private boolean replayed(Map<?, ?> data) {
        String created = text(data, "created");
        if (created == null) {
            return false;
        }
        try {
            return Instant.parse(created).isBefore(clock.instant().minus(replayWindow));
        } catch (DateTimeParseException unreadable) {
            return false;
        }
    }

    /**
     * {@code meetingParticipants} {@code joined} or {@code left}: the door looks at that meeting's lobby. One
     * participant causes several events (lobby, admitted, left), so the dedupe id is a digest of all three; the
     * payload is not trusted beyond its ids, since the door asks Webex who is there.
     */
    private Mono<HttpStatus> participant(
            Map<?, ?> envelope, Map<?, ?> data, Function<WebhookEvent, Mono<HttpStatus>> next) {
        Object event = envelope.get("event");
        if (!"joined".equals(event) && !"left".equals(event)) {
            return Mono.just(HttpStatus.OK);
        }
        String participantId = text(data, "id");
        String meetingId = text(data, "meetingId");
        if (participantId == null || meetingId == null || !meetingId.matches("[A-Za-z0-9_-]{1,200}")) {
            log.info("Refused a signed meetingParticipants delivery without participant or meeting id");
            return Mono.just(HttpStatus.BAD_REQUEST);
        }
        String dedupe = "mp-" + digest(participantId + "|" + event + "|" + text(data, "state"));
        return next.apply(new WebhookEvent(Kind.PARTICIPANT, dedupe, meetingId, text(envelope, "createdBy"), null));
    }

    /**
     * {@code meetings} {@code updated} or {@code deleted}: GuestGate compares its copy with Webex. Only the id is
     * trusted (what changed is read from Webex); the dedupe id is a digest of the event and the schedule it names, so
     * a second change of the same meeting is not taken for a repeated delivery.
     */
    private Mono<HttpStatus> meeting(
            Map<?, ?> envelope, Map<?, ?> data, Function<WebhookEvent, Mono<HttpStatus>> next) {
        Object event = envelope.get("event");
        if (!"updated".equals(event) && !"deleted".equals(event)) {
            return Mono.just(HttpStatus.OK);
        }
        String meetingId = text(data, "id");
        if (meetingId == null || !meetingId.matches("[A-Za-z0-9_-]{1,200}")) {
            log.info("Refused a signed meetings delivery without a meeting id");
            return Mono.just(HttpStatus.BAD_REQUEST);
        }
        String dedupe = "mt-"
                + digest(meetingId + "|" + event + "|" + text(data, "title") + "|" + text(data, "start") + "|"
                        + text(data, "end"));
        return next.apply(new WebhookEvent(Kind.MEETING, dedupe, meetingId, text(envelope, "createdBy"), null));
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    private static String text(Map<?, ?> data, String field) {
        Object value = data.get(field);
        return value instanceof String string ? string : null;
    }
}
