package io.guestgate.bot.invite;

import io.guestgate.bot.command.Command.ShowMeeting;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.command.account.OrganizerSession;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.i18n.TimeTexts;
import io.guestgate.bot.meeting.MeetingResolver;
import io.guestgate.bot.meeting.WebexMeetingCheck;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code show} / {@code zeige <ref>}: one meeting with its invitations. The Webex meeting number and the guests'
 * addresses are shown only in the organizer's 1:1 space: in a group space they would reach people who are not
 * invited.
 */
@Component
class ShowHandler implements CommandHandler<ShowMeeting> {

    private final OrganizerSession session;
    private final MeetingResolver meetings;
    private final InvitationStore invitations;
    private final BotMessages messages;
    private final TimeTexts times;
    private final WebexMeetingCheck webexCheck;
    private final MeetingStore store;

    ShowHandler(
            OrganizerSession session,
            MeetingResolver meetings,
            InvitationStore invitations,
            BotMessages messages,
            TimeTexts times,
            WebexMeetingCheck webexCheck,
            MeetingStore store) {
        this.session = session;
        this.meetings = meetings;
        this.invitations = invitations;
        this.messages = messages;
        this.times = times;
        this.webexCheck = webexCheck;
        this.store = store;
    }

    @Override
    public Class<ShowMeeting> commandType() {
        return ShowMeeting.class;
    }

    @Override
    public Flux<Reply> handle(ShowMeeting command, Conversation conversation) {
        Language language = command.language();
        return session.withToken(
                conversation,
                language,
                token -> meetings.resolve(conversation.personId(), command.ref())
                        // What Webex has now first: a change made there whose webhook never came is followed here.
                        .flatMap(found -> webexCheck
                                .compare(found)
                                .then(store.findById(found.id()))
                                .defaultIfEmpty(found))
                        .flatMap(meeting -> meeting.isCancelled()
                                ? Mono.just(messages.text(language, "show.cancelled", Markdown.escape(meeting.title())))
                                : invitations
                                        .findByMeeting(meeting.id())
                                        .collectList()
                                        .map(guests -> details(language, meeting, guests, conversation.group())))
                        .switchIfEmpty(
                                Mono.fromSupplier(() -> messages.text(language, "show.not-found", command.ref())))
                        .map(Reply::text)
                        .flux());
    }

    private String details(Language language, Meeting meeting, List<Invitation> guests, boolean group) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.text(language, "show.title", Markdown.escape(meeting.title())));
        lines.add(messages.text(language, "show.time", times.range(language, meeting)));
        if (!group && meeting.webex().meetingNumber() != null) {
            lines.add(messages.text(language, "show.number", meeting.webex().meetingNumber()));
        }
        // Withdrawn invitations are no guests any more: counted and listed apart, after the others.
        List<Invitation> withdrawn =
                guests.stream().filter(Invitation::isRevoked).toList();
        List<Invitation> invited =
                guests.stream().filter(guest -> !guest.isRevoked()).toList();
        lines.add(messages.text(language, "show.guests", invited.size()));
        for (Invitation guest : invited) {
            lines.add(
                    group
                            ? messages.text(
                                    language,
                                    "show.guest.group",
                                    Markdown.escape(guest.invitee().name()),
                                    ParticipantStatus.label(language, guest))
                            : messages.text(
                                    language,
                                    "show.guest",
                                    Markdown.escape(guest.invitee().name()),
                                    Markdown.escape(guest.invitee().email()),
                                    ParticipantStatus.label(language, guest)));
        }
        if (!withdrawn.isEmpty()) {
            lines.add(messages.text(
                    language,
                    "show.withdrawn",
                    withdrawn.size(),
                    String.join(
                            ", ",
                            withdrawn.stream()
                                    .map(guest ->
                                            Markdown.escape(guest.invitee().name()))
                                    .toList())));
        }
        return String.join("\n", lines);
    }
}
