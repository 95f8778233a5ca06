package io.guestgate.bot.invite;

import io.guestgate.bot.command.Command.AddParticipants;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.reply.Reply;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** {@code add} / {@code hinzufügen <participants> [to <ref>]}: without a reference, the next upcoming meeting. */
@Component
class AddHandler implements CommandHandler<AddParticipants> {

    private final MeetingAccess access;
    private final GuestAdder adder;

    AddHandler(MeetingAccess access, GuestAdder adder) {
        this.access = access;
        this.adder = adder;
    }

    @Override
    public Class<AddParticipants> commandType() {
        return AddParticipants.class;
    }

    @Override
    public Flux<Reply> handle(AddParticipants command, Conversation conversation) {
        return access.withMeeting(
                conversation,
                command.language(),
                command.ref(),
                meeting -> adder.add(meeting, command.participants(), command.language()));
    }
}
