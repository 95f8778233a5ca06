package io.guestgate.bot.chain;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.guestgate.bot.BotProperties;
import io.guestgate.guestlist.account.OrganizerAccount;
import io.guestgate.guestlist.account.OrganizerAccounts;
import reactor.core.publisher.Mono;

/**
 * Lets through only senders in {@code guestgate.bot.allowed-email-domains} (everyone when it is empty). Webex names
 * the sender's address in message webhooks but not in card submissions; for those the address of the sender's linked
 * account counts, which Webex itself confirmed when they linked. Every card that starts work goes to linked
 * organizers, so nobody who belongs is turned away by this.
 */
@Component
class AllowedSender implements Step<WebhookEvent, WebhookEvent> {

    private static final Logger log = LoggerFactory.getLogger(AllowedSender.class);

    private final BotProperties properties;
    private final OrganizerAccounts accounts;

    AllowedSender(BotProperties properties, OrganizerAccounts accounts) {
        this.properties = properties;
        this.accounts = accounts;
    }

    @Override
    public Mono<Void> apply(WebhookEvent event, Function<WebhookEvent, Mono<Void>> next) {
        if (properties.allowedEmailDomains().isEmpty()) {
            return next.apply(event);
        }
        return email(event).defaultIfEmpty("").flatMap(email -> {
            if (properties.isAllowed(email)) {
                return next.apply(event);
            }
            log.info("Ignored {} {} from person {}: sender not in guestgate.bot.allowed-email-domains",
                    event.kind(), event.dataId(), event.personId());
            return Mono.empty();
        });
    }

    private Mono<String> email(WebhookEvent event) {
        if (!event.personEmail().isBlank()) {
            return Mono.just(event.personEmail());
        }
        if (event.personId().isBlank()) {
            return Mono.empty();
        }
        return accounts.find(event.personId()).map(OrganizerAccount::email);
    }
}
