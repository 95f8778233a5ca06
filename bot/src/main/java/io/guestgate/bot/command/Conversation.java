package io.guestgate.bot.command;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a command came from and who wrote it, as Webex told the bot (never as the text claims).
 *
 * @param personId    the sender's Webex person id: the organizer, for everything they own
 * @param personEmail the sender's address as Webex knows it
 * @param roomId      the space the command was written in
 * @param group       true in a group space, false in a 1:1 space with the bot
 * @param parentId    the thread's first message, when the command was written in a thread
 */
public record Conversation(
        String personId, String personEmail, String roomId, boolean group, Optional<String> parentId) {

    public Conversation {
        requireText(personId, "personId");
        requireText(roomId, "roomId");
        personEmail = personEmail == null ? "" : personEmail;
        Objects.requireNonNull(parentId, "parentId");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
