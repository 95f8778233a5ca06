package io.guestgate.bot.invite.outbox;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.GuestMeeting;
import io.guestgate.bot.invite.content.InviteKind;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.invite.mail.GuestMail;
import io.guestgate.bot.invite.mail.MailComposer;
import io.guestgate.domain.invitation.DeliveryStatus;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.platform.GuestgateProperties;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.mail.javamail.JavaMailSender;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Sends the mail one outbox entry names: reads the invitation and the meeting as they are now, mints a fresh personal
 * link token right before rendering (so no token ever sits in the outbox), and hands the message to the SMTP relay on
 * the bounded mail scheduler, because {@link JavaMailSender} blocks.
 */
final class InvitationDelivery {

    private static final Duration REMINDER_TOLERANCE = Duration.ofHours(2);

    private final InvitationStore invitations;
    private final MeetingStore meetings;
    private final MailComposer composer;
    private final JavaMailSender sender;
    private final Relay relay;
    private final GuestgateProperties guestgate;
    private final Duration reminderBefore;
    private final Clock clock;

    InvitationDelivery(
            InvitationStore invitations,
            MeetingStore meetings,
            MailComposer composer,
            JavaMailSender sender,
            Relay relay,
            GuestgateProperties guestgate,
            Duration reminderBefore,
            Clock clock) {
        this.invitations = invitations;
        this.meetings = meetings;
        this.composer = composer;
        this.sender = sender;
        this.relay = relay;
        this.guestgate = guestgate;
        this.reminderBefore = reminderBefore;
        this.clock = clock;
    }

    Mono<SendOutcome> deliver(OutboxEntry entry, Scheduler mailScheduler) {
        if (entry.purpose().toOrganizer()) {
            return meetings.findById(entry.meetingId())
                    .flatMap(meeting -> deliverToOrganizer(entry, meeting, mailScheduler))
                    .defaultIfEmpty(new SendOutcome.Skipped("gone"));
        }
        return invitations
                .findById(entry.invitationId())
                .flatMap(invitation -> meetings.findById(invitation.meetingId())
                        .flatMap(meeting -> deliver(entry, invitation, meeting, mailScheduler)))
                .defaultIfEmpty(new SendOutcome.Skipped("gone"));
    }

    private Mono<SendOutcome> deliver(OutboxEntry entry, Invitation invitation, Meeting meeting, Scheduler scheduler) {
        boolean request = entry.purpose().kind() == InviteKind.REQUEST;
        if (request && (invitation.isRevoked() || meeting.isCancelled())) {
            // Removed or cancelled before this invitation or update went out: the guest must not get a live link.
            return Mono.just(new SendOutcome.Skipped("withdrawn"));
        }
        if (entry.purpose() == MailPurpose.REMINDER) {
            String stale = staleReminder(invitation, meeting);
            if (stale != null) {
                return Mono.just(new SendOutcome.Skipped(stale));
            }
        }
        GuestMeeting guestMeeting = GuestMeeting.of(meeting);
        // The language the organizer chose for this guest, else the batch's.
        Language language = Language.fromTag(invitation.invitee().language()).orElse(entry.language());
        Mono<GuestMail> mail = request
                ? invitations
                        .issueLinkToken(invitation)
                        .map(token -> new GuestMail(
                                entry.purpose(),
                                guestMeeting,
                                invitation.invitee(),
                                URI.create(guestgate.baseUrl() + "/join/" + token),
                                language))
                : Mono.fromSupplier(
                        () -> new GuestMail(entry.purpose(), guestMeeting, invitation.invitee(), null, language));
        return mail.flatMap(ready -> Mono.fromCallable(() -> send(ready)).subscribeOn(scheduler))
                .onErrorResume(error -> Mono.just(
                        SendFailures.classify(error).to(invitation.invitee().email())))
                // Once the relay has the mail, a failed status write must not make it look unsent (and resend it).
                .flatMap(outcome -> outcome instanceof SendOutcome.Sent
                        ? record(
                                        invitation.id(),
                                        DeliveryStatus.DELIVERED,
                                        entry.purpose().key())
                                .onErrorResume(e -> Mono.empty())
                                .thenReturn(outcome)
                        : Mono.just(outcome));
    }

    private Mono<SendOutcome> deliverToOrganizer(OutboxEntry entry, Meeting meeting, Scheduler scheduler) {
        if (entry.purpose().kind() == InviteKind.REQUEST && meeting.isCancelled()) {
            return Mono.just(new SendOutcome.Skipped("withdrawn"));
        }
        String name = meeting.organizer().displayName();
        Invitee organizer = new Invitee(
                name.isBlank() ? meeting.organizer().email() : name,
                meeting.organizer().email());
        GuestMail mail = new GuestMail(entry.purpose(), GuestMeeting.of(meeting), organizer, null, entry.language());
        return Mono.fromCallable(() -> send(mail))
                .subscribeOn(scheduler)
                .onErrorResume(error -> Mono.just(SendFailures.classify(error).to(organizer.email())));
    }

    /**
     * Why a reminder is no longer wanted, or null: the guest verified meanwhile, the meeting started, reminders were
     * turned off, or the meeting moved since it was scheduled (its move scheduled a new one for the new time; a
     * reminder retried after a failed send still counts within two hours of its time).
     */
    private String staleReminder(Invitation invitation, Meeting meeting) {
        Instant now = clock.instant();
        if (invitation.identity() != null) {
            return "verified";
        }
        if (!now.isBefore(meeting.start()) || reminderBefore.isZero()) {
            return "late";
        }
        Duration fromDue =
                Duration.between(meeting.start().minus(reminderBefore), now).abs();
        return fromDue.compareTo(REMINDER_TOLERANCE) > 0 ? "rescheduled" : null;
    }

    /** Blocking: renders and sends, returning once the relay accepted the mail. */
    private SendOutcome send(GuestMail mail) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        composer.compose(mail, message);
        relay.send(message);
        return new SendOutcome.Sent();
    }

    /**
     * Hands a composed message to the SMTP relay and returns once it accepted it; a refusal is Spring's
     * {@link org.springframework.mail.MailException}, as {@link JavaMailSender#send} throws it.
     */
    @FunctionalInterface
    interface Relay {
        void send(MimeMessage message);
    }

    /** Records where the invitation's latest mail stands, for {@code show} and the landing's status. */
    Mono<Invitation> record(String invitationId, DeliveryStatus status, String detail) {
        return invitations.update(invitationId, current -> current.withDelivery(status, detail));
    }
}
