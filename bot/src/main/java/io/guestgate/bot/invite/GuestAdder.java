package io.guestgate.bot.invite;

import io.guestgate.bot.command.Command.Participant;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.i18n.TimeTexts;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.admission.AdmissionProperties;
import io.guestgate.domain.invitation.AddResult;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.meeting.Meeting;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Adds guests to a meeting, for the {@code add} command and the card form alike: checks every address strictly,
 * stores an invitation per new address (an address invited already is reported, not added again), and queues their
 * invitations as one batch, so the organizer gets one report once the mails are out.
 */
@Component
class GuestAdder {

    private final InvitationStore invitations;
    private final GuestMails mails;
    private final TimeTexts times;
    private final AdmissionProperties admission;

    GuestAdder(InvitationStore invitations, GuestMails mails, TimeTexts times, AdmissionProperties admission) {
        this.invitations = invitations;
        this.mails = mails;
        this.times = times;
        this.admission = admission;
    }

    Flux<Reply> add(Meeting meeting, List<Participant> participants, Language language) {
        List<String> invalid = new ArrayList<>();
        List<Invitee> invitees = new ArrayList<>();
        List<String> nameless = nameless(participants, admission.needsNames());
        for (Participant participant : participants) {
            Invitee invitee = invitee(participant);
            if (nameless.contains(participant.email())) {
                continue;
            }
            if (invitee == null) {
                invalid.add(participant.email());
            } else {
                invitees.add(invitee);
            }
        }
        return Flux.fromIterable(invitees)
                .concatMap(invitee -> invitations.add(meeting, invitee))
                .collectList()
                .flatMap(results -> {
                    List<Invitation> added = results.stream()
                            .filter(AddResult.Added.class::isInstance)
                            .map(AddResult::invitation)
                            .toList();
                    List<String> duplicates = results.stream()
                            .filter(AddResult.AlreadyInvited.class::isInstance)
                            .map(result -> result.invitation().invitee().email())
                            .toList();
                    long approving = added.stream()
                            .filter(invitation -> invitation.invitee().hostApproval())
                            .count();
                    return mails.queue(meeting, MailPurpose.INVITE, language, added)
                            .then(mails.remindLater(meeting, language, added))
                            .thenReturn(answer(meeting, language, added.size(), duplicates, invalid, nameless)
                                    + (approving == 0
                                            ? ""
                                            : "\n" + ChatTexts.text(language, "chat.add.approval", approving)));
                })
                .map(Reply::text)
                .flux();
    }

    /** The invitee, or null when the address does not pass a strict RFC 822 check or the name is unusable. */
    static Invitee invitee(Participant participant) {
        try {
            InternetAddress address = new InternetAddress(participant.email().strip(), true);
            address.validate();
            String email = address.getAddress();
            if (email.indexOf('@') < 1 || address.getPersonal() != null || email.contains(" ")) {
                return null;
            }
            return new Invitee(
                    participant.name().filter(name -> !name.isBlank()).orElse(email),
                    email,
                    participant
                            .language()
                            .map(language -> language.locale().getLanguage())
                            .orElse(null),
                    participant.hostApproval());
        } catch (AddressException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The addresses given without a name, when names matter: under the {@code name} policy the verified name must
     * match the invited one, so the address must not stand in for it.
     */
    static List<String> nameless(List<Participant> participants, boolean namesRequired) {
        if (!namesRequired) {
            return List.of();
        }
        // A guest the organizer admits themselves is not matched by name: the organizer sees who it is.
        return participants.stream()
                .filter(participant -> !participant.hostApproval()
                        && participant.name().filter(n -> !n.isBlank()).isEmpty())
                .map(Participant::email)
                .toList();
    }

    private String answer(
            Meeting meeting,
            Language language,
            int added,
            List<String> duplicates,
            List<String> invalid,
            List<String> nameless) {
        String title = Markdown.escape(meeting.title());
        List<String> lines = new ArrayList<>();
        lines.add(
                added > 0
                        ? ChatTexts.text(language, "chat.add.queued", added, title, times.range(language, meeting))
                        : ChatTexts.text(language, "chat.add.none", title));
        if (!duplicates.isEmpty()) {
            lines.add(ChatTexts.text(language, "chat.add.duplicates", escapedList(duplicates)));
        }
        if (!invalid.isEmpty()) {
            lines.add(ChatTexts.text(language, "chat.add.invalid", escapedList(invalid)));
        }
        if (!nameless.isEmpty()) {
            lines.add(ChatTexts.text(
                    language, "chat.add.nameless", escapedList(nameless), Markdown.escape(nameless.get(0))));
        }
        return String.join("\n", lines);
    }

    private static String escapedList(List<String> values) {
        return String.join(", ", values.stream().map(Markdown::escape).toList());
    }
}
