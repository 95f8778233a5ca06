package io.guestgate.landing.web;

import io.guestgate.domain.meeting.Meeting;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * The one thing a page that turns a guest away offers to do next: a link, and its words ({@code key} in the
 * messages, with {@code argument}). Where a fresh attempt can help it leads back to the personal link; where only the
 * organizer can, it names them.
 *
 * @param href null when there is nothing to link to; the words then stand alone
 */
public record NextStep(String key, String argument, String href) {

    public NextStep {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A next step has words");
        }
    }

    /** Back to the link page, where "Verify" starts a fresh attempt. */
    public static NextStep startAgain(String linkToken) {
        return new NextStep("next.start-again", null, "/join/" + linkToken);
    }

    /** Back to the meeting page of a guest who got in. */
    public static NextStep meetingPage(String linkToken) {
        return new NextStep("next.meeting-page", null, "/join/" + linkToken + "/meeting");
    }

    /**
     * Only the organizer can help: a mail to them about this meeting. Guests know the address already: the calendar
     * entry of their invitation names it.
     */
    public static NextStep askOrganizer(Meeting meeting) {
        Meeting.Organizer organizer = meeting.organizer();
        String name = organizer.displayName().isBlank() ? organizer.email() : organizer.displayName();
        String href = organizer.email().isBlank()
                ? null
                : "mailto:"
                        + UriUtils.encode(organizer.email(), StandardCharsets.UTF_8)
                                .replace("%40", "@") + "?subject="
                        + UriUtils.encode(meeting.title(), StandardCharsets.UTF_8);
        return name.isBlank()
                ? new NextStep("next.ask-organizer.unnamed", null, href)
                : new NextStep("next.ask-organizer", name, href);
    }

    /** The words, in the guest's language. */
    public String text(Texts.Bundle texts) {
        return argument == null ? texts.get(key) : texts.get(key, argument);
    }
}
