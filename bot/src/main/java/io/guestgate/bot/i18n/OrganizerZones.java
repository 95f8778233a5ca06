package io.guestgate.bot.i18n;

import io.guestgate.domain.account.OrganizerAccount;
import io.guestgate.domain.account.OrganizerAccounts;
import io.guestgate.domain.meeting.MeetingsProperties;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The time zone an organizer's times are read and shown in: the one they set in Webex (read at linking and at every
 * token refresh), else {@code guestgate.meetings.timezone}. A meeting keeps the zone it was created in.
 */
@Component
public class OrganizerZones {

    private static final Logger log = LoggerFactory.getLogger(OrganizerZones.class);

    private final OrganizerAccounts accounts;
    private final ZoneId fallback;

    public OrganizerZones(OrganizerAccounts accounts, MeetingsProperties meetings) {
        this.accounts = accounts;
        this.fallback = meetings.timezone();
    }

    /** The organizer's zone; the configured one when they set none, never linked, or their account cannot be read. */
    public Mono<ZoneId> of(String personId) {
        return accounts.find(personId)
                .flatMap(account -> Mono.justOrEmpty(account.zone()))
                .defaultIfEmpty(fallback)
                .onErrorResume(e -> {
                    log.warn(
                            "Could not read the time zone of organizer {}; using {}: {}",
                            personId,
                            fallback,
                            e.getClass().getSimpleName());
                    return Mono.just(fallback);
                });
    }

    /** The zone of an account already at hand. */
    public ZoneId of(OrganizerAccount account) {
        return account.zone().orElse(fallback);
    }

    public ZoneId fallback() {
        return fallback;
    }
}
