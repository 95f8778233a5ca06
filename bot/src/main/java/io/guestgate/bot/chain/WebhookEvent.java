package io.guestgate.bot.chain;

import java.util.Objects;

/**
 * A verified webhook delivery, reduced to what the bot uses. Webex sends ids only: the text of a message or the
 * inputs of a card are fetched afterwards.
 *
 * @param kind        a new message, a submitted card, or a change among a meeting's participants
 * @param dataId      the message or attachment action id ({@code data.id}); deliveries are deduplicated on it. For a
 *                    participant change, a digest of participant, event and state (one participant has several)
 * @param roomId      the space; for a participant or meeting change, the Webex meeting id
 * @param personId    who wrote or submitted; for a participant or meeting change, the webhook's owner (the host)
 * @param personEmail the sender's address; Webex leaves it out for card submissions, then it is empty
 */
public record WebhookEvent(Kind kind, String dataId, String roomId, String personId, String personEmail) {

    public WebhookEvent {
        Objects.requireNonNull(kind, "kind");
        requireId(dataId, "data.id");
        personId = personId == null ? "" : personId;
        roomId = roomId == null ? "" : roomId;
        personEmail = personEmail == null ? "" : personEmail;
    }

    private static void requireId(String value, String name) {
        // Ids go into Redis keys and URL paths: base64url-ish characters only, and not endless.
        if (value == null || !value.matches("[A-Za-z0-9_=+/-]{1,200}")) {
            throw new IllegalArgumentException(name + " is missing or malformed");
        }
    }

    public enum Kind {
        /** {@code messages:created}. */
        MESSAGE,
        /** {@code attachmentActions:created}. */
        CARD_ACTION,
        /** {@code meetingParticipants:joined} or {@code :left}, from an organizer's own webhook: the door looks. */
        PARTICIPANT,
        /** {@code meetings:updated} or {@code :deleted}, from an organizer's own webhook: GuestGate follows it. */
        MEETING
    }

    /** A participant or meeting change, from an organizer's own webhook, rather than something said in a space. */
    public boolean isAboutAMeeting() {
        return kind == Kind.PARTICIPANT || kind == Kind.MEETING;
    }

    /** For a participant or meeting change: the Webex meeting (series or instance) id. */
    public String meetingId() {
        return roomId;
    }
}
