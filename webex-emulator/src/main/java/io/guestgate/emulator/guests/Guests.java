package io.guestgate.emulator.guests;

import io.guestgate.emulator.auth.AccessToken;
import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.auth.TokenRegistry;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.people.WebexPerson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Guests are people of type appuser, one per (issuer, subject); a new name for a known subject renames them. */
@Component
class Guests {

    private final Directory directory;
    private final TokenRegistry tokens;

    Guests(Directory directory, TokenRegistry tokens) {
        this.directory = directory;
        this.tokens = tokens;
    }

    record Issued(WebexPerson guest, AccessToken token) {}

    Issued issue(String issuerId, String subject, String displayName, Duration lifetime) {
        UUID uuid = UUID.nameUUIDFromBytes((issuerId + "\n" + subject).getBytes(StandardCharsets.UTF_8));
        String id = EmulatorSeed.WebexIds.of("PEOPLE", "guest:" + uuid);
        WebexPerson guest = directory.upsertGuest(id, uuid + "@appid.ciscospark.com", displayName);
        return new Issued(guest, tokens.issue(new Caller(guest.id(), Caller.Kind.GUEST), lifetime));
    }
}
