package io.guestgate.bot.chain;

import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.account.AllowedOrganizers;
import io.guestgate.domain.account.OrganizerAccount;
import io.guestgate.domain.account.OrganizerAccounts;
import io.guestgate.platform.metrics.GuestgateMetrics;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Lets through only the people the operator allowed ({@link AllowedOrganizers}): by their address's domain, or by
 * their Webex organization. Webex names the sender's address in message webhooks but not in card submissions; for
 * those the address of the sender's linked account counts, which Webex itself confirmed when they linked. Where that
 * is not enough, Webex is asked who the sender is ({@link SenderOrgs}): address and organization.
 * <p>
 * Someone else gets one polite answer a day, in both languages, and nothing else happens: no command runs, nothing
 * is fetched or stored for them.
 */
@Component
class AllowedSender implements Step<WebhookEvent, WebhookEvent> {

    private static final Logger log = LoggerFactory.getLogger(AllowedSender.class);
    private static final Duration ANSWER_ONCE_PER = Duration.ofDays(1);
    static final String REFUSAL = "Sorry, I work only for the organization that runs me, so I cannot help you here. "
            + "/ Leider arbeite ich nur für die Organisation, die mich betreibt, und kann Ihnen hier nicht helfen.";

    private final AllowedOrganizers allowed;
    private final OrganizerAccounts accounts;
    private final SenderOrgs orgs;
    private final ReplySender replies;
    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final GuestgateMetrics metrics;

    AllowedSender(
            AllowedOrganizers allowed,
            OrganizerAccounts accounts,
            SenderOrgs orgs,
            ReplySender replies,
            ReactiveStringRedisTemplate redis,
            RedisKeys keys,
            GuestgateMetrics metrics) {
        this.allowed = allowed;
        this.accounts = accounts;
        this.orgs = orgs;
        this.replies = replies;
        this.redis = redis;
        this.keys = keys;
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> apply(WebhookEvent event, Function<WebhookEvent, Mono<Void>> next) {
        if (allowed.allowAnyone()) {
            return next.apply(event);
        }
        return email(event).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(email -> {
            if (allowed.admitsByAddress(email.orElse(null))) {
                return next.apply(event);
            }
            // Webex names no address with a card submission, nor the sender's org with anything: ask Webex who it is.
            Mono<Boolean> byWebex = event.personId().isBlank()
                    ? Mono.just(false)
                    : orgs.of(event.personId())
                            .map(sender -> allowed.admits(email.orElse(sender.email()), sender.orgId()))
                            .defaultIfEmpty(false);
            return byWebex.flatMap(admitted -> admitted ? next.apply(event) : refuse(event));
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

    private Mono<Void> refuse(WebhookEvent event) {
        log.info(
                "Refused {} {} from person {}: not among the allowed organizations or email domains",
                event.kind(),
                event.dataId(),
                event.personId());
        metrics.senderRefused();
        if (event.personId().isBlank() || event.roomId().isBlank()) {
            return Mono.empty();
        }
        return redis.opsForValue()
                .setIfAbsent(keys.key("refused-sender", event.personId()), "1", ANSWER_ONCE_PER)
                .flatMap(first -> !first
                        ? Mono.<Void>empty()
                        : replies.send(
                                        new Conversation(
                                                event.personId(),
                                                event.personEmail(),
                                                event.roomId(),
                                                false,
                                                Optional.empty()),
                                        Reply.text(REFUSAL))
                                .then())
                .onErrorResume(e -> {
                    log.warn("Could not answer refused person {}: {}", event.personId(), e.toString());
                    return Mono.empty();
                });
    }
}
