package io.guestgate.bot.command.account;

import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.domain.account.LoginLinks;
import io.guestgate.domain.account.OrganizerAccount;
import io.guestgate.domain.account.OrganizerAccounts;
import io.guestgate.domain.admission.AdmissionProperties;
import io.guestgate.platform.redis.RedisKeys;
import io.guestgate.platform.webex.OrganizerNotifier;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells an organizer, 1:1 and without waiting for their next command, that GuestGate's link to their Webex account
 * no longer works (revoked at Webex, or ended), with a fresh login link. Once per link: the mark is keyed by when the
 * organizer last linked, so after they link again a later revocation is told again. A command that finds the link
 * gone answers with a login link itself and marks the notice as given.
 */
@Component
public class ConnectionGoneNotice {

    private static final Logger log = LoggerFactory.getLogger(ConnectionGoneNotice.class);
    /** How long the mark is kept; far longer than anyone leaves a broken link unfixed. */
    private static final Duration KEEP = Duration.ofDays(60);

    private final OrganizerAccounts accounts;
    private final LoginLinks links;
    private final OrganizerNotifier notifier;
    private final BotMessages messages;
    private final ReactiveStringRedisTemplate redis;
    private final RedisKeys keys;
    private final Language language;

    ConnectionGoneNotice(
            OrganizerAccounts accounts,
            LoginLinks links,
            OrganizerNotifier notifier,
            BotMessages messages,
            ReactiveStringRedisTemplate redis,
            RedisKeys keys,
            AdmissionProperties admission) {
        this.accounts = accounts;
        this.links = links;
        this.notifier = notifier;
        this.messages = messages;
        this.redis = redis;
        this.keys = keys;
        this.language = Language.fromTag(admission.organizerLanguage()).orElse(Language.EN);
    }

    /**
     * Tells the organizer unless they were told about this link already; {@code meetingTitle} names the meeting
     * whose work found it. Never fails: a notice that could not be sent is logged and left unmarked, so the next
     * finding tells again.
     */
    public Mono<Void> tellOnce(String personId, String meetingTitle) {
        return tellOnce(
                personId, link -> messages.text(language, "account.gone.notice", Markdown.escape(meetingTitle), link));
    }

    /** Like {@link #tellOnce(String, String)}, when the periodic check of the links found it, not a meeting's work. */
    public Mono<Void> tellOnce(String personId) {
        return tellOnce(personId, link -> messages.text(language, "account.gone.notice.checked", link));
    }

    private Mono<Void> tellOnce(String personId, java.util.function.UnaryOperator<String> text) {
        return mark(personId)
                .flatMap(key -> redis.opsForValue()
                        .setIfAbsent(key, "1", KEEP)
                        .filter(Boolean::booleanValue)
                        .flatMap(first -> links.create(personId))
                        .flatMap(link -> notifier.tell(
                                personId,
                                text.apply("[" + messages.text(language, "login.link.label") + "](" + link + ")")))
                        .onErrorResume(e -> {
                            log.warn(
                                    "Could not tell organizer {} that their Webex link is gone: {}",
                                    personId,
                                    e.toString());
                            return redis.delete(key).then(Mono.empty());
                        }))
                .onErrorResume(e -> {
                    log.warn("Could not mark the notice to organizer {}: {}", personId, e.toString());
                    return Mono.empty();
                })
                .then();
    }

    /** A command answered with a login link already: no notice for this link. */
    public Mono<Void> toldInChat(String personId) {
        return mark(personId)
                .flatMap(key -> redis.opsForValue().set(key, "1", KEEP))
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    private Mono<String> mark(String personId) {
        return accounts.find(personId)
                .map(OrganizerAccount::linkedAt)
                .defaultIfEmpty(Instant.EPOCH)
                .map(linkedAt -> keys.key("link-gone-told", personId + ":" + linkedAt.toEpochMilli()));
    }
}
