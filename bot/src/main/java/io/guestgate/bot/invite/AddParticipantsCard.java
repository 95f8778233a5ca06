package io.guestgate.bot.invite;

import io.guestgate.bot.command.CardActionHandler;
import io.guestgate.bot.command.CardSubmission;
import io.guestgate.bot.command.Command;
import io.guestgate.bot.command.CommandParser;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.command.InvalidReplies;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.meeting.MeetingCards;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.meeting.MeetingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The "Add participants" form of the meeting card. The card names the meeting by GuestGate's id, so whoever pressed
 * the button is checked against the meeting's organizer: in a group space anyone can press it. The guests are read one
 * per line; when a line cannot be read, nobody is invited and the answer names that line, in the card's terms.
 */
@Component
class AddParticipantsCard implements CardActionHandler {

    private final MeetingStore meetings;
    private final MeetingAccess access;
    private final GuestAdder adder;
    private final CommandParser parser;
    private final InvalidReplies invalidReplies;

    AddParticipantsCard(
            MeetingStore meetings,
            MeetingAccess access,
            GuestAdder adder,
            CommandParser parser,
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
                .flatMapMany(meeting -> access.changeable(
                        conversation,
                        submission.language(),
                        meeting,
                        found -> lines(
                                        submission.language(),
                                        submission
                                                .input(MeetingCards.PARTICIPANTS_INPUT)
                                                .orElse(""))
                                .map(participants -> adder.add(found, participants, submission.language()))
                                .orElseGet(() -> Flux.just(firstBadLine(
                                        submission.language(),
                                        submission
                                                .input(MeetingCards.PARTICIPANTS_INPUT)
                                                .orElse(""))))))
                .switchIfEmpty(
                        Flux.defer(() -> Flux.just(Reply.text(ChatTexts.text(submission.language(), "chat.gone")))));
    }

    /** Every line's guests, or empty when any line cannot be read: then nobody is invited. */
    private Optional<List<Command.Participant>> lines(Language language, String text) {
        List<Command.Participant> participants = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (!(parser.participants(language, line) instanceof Command.AddParticipants add)) {
                return Optional.empty();
            }
            participants.addAll(add.participants());
        }
        if (participants.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(participants);
    }

    /** The first line that cannot be read, by its number as the organizer sees it, and what to write instead. */
    private Reply firstBadLine(Language language, String text) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank() && parser.participants(language, lines[i]) instanceof Command.Invalid invalid) {
                return Reply.text(ChatTexts.text(
                        language,
                        "chat.card.invalid-line",
                        i + 1,
                        Markdown.escape(lines[i].strip()),
                        invalidReplies.problem(invalid)));
            }
        }
        return Reply.text(ChatTexts.text(language, "chat.card.empty"));
    }
}
