package io.guestgate.bot.invite;

import org.springframework.stereotype.Component;

import io.guestgate.bot.command.CardActionHandler;
import io.guestgate.bot.command.CardSubmission;
import io.guestgate.bot.command.Command;
import io.guestgate.bot.command.CommandParser;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.command.InvalidReplies;
import io.guestgate.bot.meeting.MeetingCards;
import io.guestgate.bot.reply.Reply;
import io.guestgate.guestlist.meeting.MeetingStore;
import reactor.core.publisher.Flux;

/**
 * The "Add participants" form of the meeting card. The card names the meeting by GuestGate's id, so whoever pressed
 * the button is checked against the meeting's organizer: in a group space anyone can press it.
 */
@Component
class AddParticipantsCard implements CardActionHandler {

    private final MeetingStore meetings;
    private final MeetingAccess access;
    private final GuestAdder adder;
    private final CommandParser parser;
    private final InvalidReplies invalidReplies;

    AddParticipantsCard(MeetingStore meetings, MeetingAccess access, GuestAdder adder, CommandParser parser,
            InvalidReplies invalidReplies) {
        this.meetings = meetings;
        this.access = access;
        this.adder = adder;
        this.parser = parser;
        this.invalidReplies = invalidReplies;
    }

    @Override
    public String action() {
        return MeetingCards.ADD_PARTICIPANTS_ACTION;
    }

    @Override
    public Flux<Reply> handle(CardSubmission submission, Conversation conversation) {
        String meetingId = submission.input(MeetingCards.MEETING_ID_INPUT).orElse("");
        return meetings.findById(meetingId)
                .flatMapMany(meeting -> access.changeable(conversation, submission.language(), meeting, found -> {
                    Command parsed = parser.participants(submission.language(),
                            submission.input(MeetingCards.PARTICIPANTS_INPUT).orElse(""));
                    if (parsed instanceof Command.AddParticipants add) {
                        return adder.add(found, add.participants(), submission.language());
                    }
                    return Flux.just(invalidReplies.reply((Command.Invalid) parsed));
                }))
                .switchIfEmpty(Flux.defer(() -> Flux.just(
                        Reply.text(ChatTexts.text(submission.language(), "chat.gone")))));
    }
}
