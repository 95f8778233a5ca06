package io.guestgate.bot.invite;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * GuestGate's side of a meeting that is gone at Webex, whether {@code cancel} deleted it or the organizer did in Webex
 * itself: the meeting is marked cancelled (SEQUENCE + 1), every invitation withdrawn so no link works any more, each
 * guest who was still invited gets a calendar CANCEL, and the organizer's own entry is cancelled. The caller holds
 * the meeting's {@link MeetingChangeLock}.
 */
@Component
public class MeetingCancellation {

    private final MeetingStore meetings;
    private final InvitationStore invitations;
    private final GuestMails mails;
    private final OrganizerCopies copies;

    MeetingCancellation(MeetingStore meetings, InvitationStore invitations, GuestMails mails, OrganizerCopies copies) {
        this.meetings = meetings;
        this.invitations = invitations;
        this.mails = mails;
        this.copies = copies;
    }

    /** Emits how many guests get a cancellation. */
    public Mono<Integer> close(Meeting meeting, Language language) {
        Meeting cancelled = meeting.cancelled();
        return meetings.save(cancelled)
                .thenMany(invitations.findByMeeting(meeting.id()))
                .filter(invitation -> !invitation.isRevoked())
                .concatMap(invitation -> invitations.revoke(invitation.id()))
                .collectList()
                .flatMap(revoked -> mails.queue(cancelled, MailPurpose.CANCEL, language, revoked)
                        .then(copies.cancelled(cancelled, language))
                        .thenReturn(revoked.size()));
    }
}
