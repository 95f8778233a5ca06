package io.guestgate.bot.invite;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.meeting.LockedDownMeetings;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A change of a meeting's title or time, for {@code move} and {@code rename}: Webex first, with the organizer's token
 * and the full locked-down settings ({@code PUT /meetings/{id}} replaces them); only when Webex accepted it does
 * GuestGate store the changed meeting, let the links follow its new end, and queue an update for every guest still
 * invited.
 */
@Component
public class MeetingUpdate {

    private final WebexClient webex;
    private final LockedDownMeetings requests;
    private final MeetingStore meetings;
    private final InvitationStore invitations;
    private final GuestMails mails;
    private final OrganizerCopies copies;
    private final MeetingChangeLock lock;

    MeetingUpdate(
            WebexClient webex,
            LockedDownMeetings requests,
            MeetingStore meetings,
            InvitationStore invitations,
            GuestMails mails,
            OrganizerCopies copies,
            MeetingChangeLock lock) {
        this.webex = webex;
        this.requests = requests;
        this.meetings = meetings;
        this.invitations = invitations;
        this.mails = mails;
        this.copies = copies;
        this.lock = lock;
    }

    /** Applies {@code changed} (from {@link Meeting#rescheduled}); emits how many guests get an update. */
    Mono<Integer> apply(AccessToken token, Meeting changed, Language language) {
        return lock.holding(
                changed.id(),
                () -> webex.meetings()
                        .update(
                                token,
                                changed.webex().id(),
                                requests.request(changed.title(), changed.start(), changed.end(), changed.timezone()))
                        .then(follow(changed, language)));
    }

    /**
     * A change made in Webex itself (the Webex app, the site, Outlook), which GuestGate follows as if the organizer had
     * used the bot: stored, the links following the new end, every guest an update and the organizer's own entry
     * too. The caller holds the meeting's {@link MeetingChangeLock}. Emits how many guests get an update.
     */
    public Mono<Integer> follow(Meeting changed, Language language) {
        return meetings.save(changed)
                .thenMany(invitations.followMeeting(changed))
                .filter(invitation -> !invitation.isRevoked())
                .collectList()
                .flatMap(guests -> mails.queue(changed, MailPurpose.UPDATE, language, guests)
                        .then(mails.remindLater(changed, language, guests))
                        .then(copies.current(changed, language))
                        .thenReturn(guests.size()));
    }
}
