package io.guestgate.emulator.messages;

import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.people.WebexPerson;
import org.springframework.stereotype.Component;

/** Who may see a message: room members; in a group space a bot only its own messages and those that mention it. */
@Component
class Visibility {

    private final Rooms rooms;
    private final Directory directory;

    Visibility(Rooms rooms, Directory directory) {
        this.rooms = rooms;
        this.directory = directory;
    }

    boolean canSee(String personId, Message message) {
        boolean member =
                rooms.byId(message.roomId()).map(r -> r.hasMember(personId)).orElse(false);
        if (!member) {
            return false;
        }
        boolean bot = directory
                .byId(personId)
                .map(p -> p.type() == WebexPerson.Type.BOT)
                .orElse(false);
        if (bot && message.roomType() == Room.Type.GROUP) {
            return message.personId().equals(personId) || message.mentions(personId);
        }
        return true;
    }
}
