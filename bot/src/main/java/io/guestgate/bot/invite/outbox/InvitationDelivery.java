package io.guestgate.bot.invite.outbox;

import java.net.URI;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;

import io.guestgate.bot.invite.GuestMeeting;
import io.guestgate.bot.invite.InviteKind;
import io.guestgate.bot.invite.mail.GuestMail;
import io.guestgate.bot.invite.mail.MailComposer;
import io.guestgate.guestlist.GuestgateProperties;
import io.guestgate.guestlist.invitation.DeliveryStatus;
import io.guestgate.guestlist.invitation.Invitation;
import io.guestgate.guestlist.invitation.InvitationStore;
import io.guestgate.guestlist.invitation.Invitee;
import io.guestgate.guestlist.meeting.Meeting;
import io.guestgate.guestlist.meeting.MeetingStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Sends the mail one outbox entry names: reads the invitation and the meeting as they are now, mints a fresh personal
 * link token right before rendering (so no token ever sits in the outbox), and hands the message to the SMTP relay on
 * the bounded mail scheduler, because {@link JavaMailSender} blocks.
 */
final class InvitationDelivery {

    private final InvitationStore invitations;
    private final MeetingStore meetings;
    private final MailComposer composer;
    private final JavaMailSender sender;
    private final GuestgateProperties guestgate;

    InvitationDelivery(InvitationStore invitations, MeetingStore meetings, MailComposer composer,
            JavaMailSender sender, GuestgateProperties guestgate) {
        this.invitations = invitations;
        this.meetings = meetings;
        this.composer = composer;
        this.sender = sender;
        this.guestgate = guestgate;
    }

    Mono<Outcome> deliver(OutboxEntry entry, Scheduler mailScheduler) {
        if (entry.purpose().toOrganizer()) {
            return meetings.findById(entry.meetingId())
                    .flatMap(meeting -> deliverToOrganizer(entry, meeting, mailScheduler))
                    .defaultIfEmpty(new Outcome.Skipped("gone"));
        }
        return invitations.findById(entry.invitationId())
                .flatMap(invitation -> meetings.findById(invitation.meetingId())
                        .flatMap(meeting -> deliver(entry, invitation, meeting, mailScheduler)))
                .defaultIfEmpty(new Outcome.Skipped("gone"));
    }

    private Mono<Outcome> deliver(OutboxEntry entry, Invitation invitation, Meeting meeting, Scheduler scheduler) {
        boolean request = entry.purpose().kind() == InviteKind.REQUEST;
        if (request && (invitation.isRevoked() || meeting.isCancelled())) {
            // Removed or cancelled before this invitation or update went out: the guest must not get a live link.
            return Mono.just(new Outcome.Skipped("withdrawn"));
        }
        GuestMeeting guestMeeting = GuestMeeting.of(meeting);
        Mono<GuestMail> mail = request
                ? invitations.issueLinkToken(invitation)
                        .map(token -> new GuestMail(entry.purpose(), guestMeeting, invitation.invitee(),
                                URI.create(guestgate.baseUrl() + "/join/" + token), entry.language()))
                : Mono.fromSupplier(() -> new GuestMail(entry.purpose(), guestMeeting, invitation.invitee(), null,
                        entry.language()));
        return mail
                .flatMap(ready -> Mono.fromCallable(() -> send(ready)).subscribeOn(scheduler))
                .onErrorResume(error -> Mono.just(Failures.classify(error).to(invitation.invitee().email())))
                // Once the relay has the mail, a failed status write must not make it look unsent (and resend it).
                .flatMap(outcome -> outcome instanceof Outcome.Sent
                        ? record(invitation.id(), DeliveryStatus.DELIVERED, entry.purpose().key())
                                .onErrorResume(e -> Mono.empty())
                                .thenReturn(outcome)
                        : Mono.just(outcome));
    }

    private Mono<Outcome> deliverToOrganizer(OutboxEntry entry, Meeting meeting, Scheduler scheduler) {
        if (entry.purpose().kind() == InviteKind.REQUEST && meeting.isCancelled()) {
            return Mono.just(new Outcome.Skipped("withdrawn"));
        }
        String name = meeting.organizer().displayName();
        Invitee organizer = new Invitee(name.isBlank() ? meeting.organizer().email() : name,
                meeting.organizer().email());
        GuestMail mail = new GuestMail(entry.purpose(), GuestMeeting.of(meeting), organizer, null, entry.language());
        return Mono.fromCallable(() -> send(mail)).subscribeOn(scheduler)
                .onErrorResume(error -> Mono.just(Failures.classify(error).to(organizer.email())));
    }

    /** Blocking: renders and sends, returning once the relay accepted the mail. */
    private Outcome send(GuestMail mail) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        composer.compose(mail, message);
        sender.send(message);
        return new Outcome.Sent();
    }

    /** Records where the invitation's latest mail stands, for {@code show} and the landing's status. */
    Mono<Invitation> record(String invitationId, DeliveryStatus status, String detail) {
        return invitations.update(invitationId, current -> current.withDelivery(status, detail));
    }
}
