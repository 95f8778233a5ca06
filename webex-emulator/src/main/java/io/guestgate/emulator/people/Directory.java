package io.guestgate.emulator.people;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.auth.TokenRegistry;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.support.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The people of the emulated org, seeded at start; guests are added as they get tokens. */
@Component
public class Directory {

    private final Map<String, WebexPerson> byId = new ConcurrentHashMap<>();
    /** The time zone a person set in Webex; a person without one has none in {@code /people/me}, as at Webex. */
    private final Map<String, String> timezones = new ConcurrentHashMap<>();

    private final Clock clock;
    private final EmulatorSeed seed;

    Directory(EmulatorSeed seed, TokenRegistry tokens, Clock clock) {
        this.clock = clock;
        this.seed = seed;
        Instant created = clock.instant();
        for (EmulatorSeed.Person p : seed.people()) {
            add(new WebexPerson(p.id(), p.email(), p.displayName(), WebexPerson.Type.PERSON, seed.orgId(), created));
            tokens.registerPermanent(p.accessToken(), new Caller(p.id(), Caller.Kind.PERSON));
        }
        EmulatorSeed.Person bot = seed.bot();
        add(new WebexPerson(bot.id(), bot.email(), bot.displayName(), WebexPerson.Type.BOT, seed.orgId(), created));
        tokens.registerPermanent(bot.accessToken(), new Caller(bot.id(), Caller.Kind.BOT));
        EmulatorSeed.ServiceApp app = seed.serviceApp();
        if (app != null) {
            String email = app.id().substring(0, 12).toLowerCase() + "@serviceapp.webex.bot";
            add(new WebexPerson(app.id(), email, app.name(), WebexPerson.Type.BOT, seed.orgId(), created));
            tokens.registerPermanent(app.accessToken(), new Caller(app.id(), Caller.Kind.SERVICE_APP));
        }
    }

    private void add(WebexPerson person) {
        byId.put(person.id(), person);
    }

    public Optional<WebexPerson> byId(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    public WebexPerson require(String id) {
        return byId(id).orElseThrow(() -> ApiException.notFound("Person not found."));
    }

    public Optional<WebexPerson> byEmail(String email) {
        return byId.values().stream()
                .filter(p -> p.email().equalsIgnoreCase(email))
                .findFirst();
    }

    /** Adds or renames a guest (type appuser); Webex renames a guest whose subject is reused. */
    public WebexPerson upsertGuest(String id, String email, String displayName) {
        return byId.compute(
                id,
                (k, existing) -> existing == null
                        ? new WebexPerson(
                                id, email, displayName, WebexPerson.Type.APPUSER, seed.orgId(), clock.instant())
                        : existing.withDisplayName(displayName));
    }

    /** Sets the person's time zone, e.g. {@code America/New_York}; null removes it. */
    public void setTimezone(String id, String timezone) {
        require(id);
        if (timezone == null) {
            timezones.remove(id);
        } else {
            timezones.put(id, timezone);
        }
    }

    public Optional<String> timezone(String id) {
        return Optional.ofNullable(timezones.get(id));
    }

    public boolean isSeededUser(String id) {
        return byId(id).map(p -> p.type() == WebexPerson.Type.PERSON).orElse(false);
    }

    public List<WebexPerson> all() {
        return new ArrayList<>(byId.values());
    }
}
