package io.guestgate.bot.connectioncheck;

import io.guestgate.bot.command.account.ConnectionGoneNotice;
import io.guestgate.bot.lobby.HostToken;
import io.guestgate.domain.account.OrganizerAccount;
import io.guestgate.domain.account.OrganizerAccounts;
import io.guestgate.platform.redis.PeriodicWork;
import io.guestgate.platform.redis.RedisKeys;
import io.guestgate.platform.redis.RedisLock;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.WebexClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds organizers whose link to Webex no longer works while no meeting of theirs needs it (the door finds it when
 * one does), and tells each once, 1:1, with a fresh login link: so they do not learn it from guests stuck in a lobby.
 * Every {@code guestgate.account.check.interval}, one instance (the one that takes the lease) asks Webex who each
 * linked organizer is ({@code GET /people/me} with their token, refreshed once on a 401): a token Webex no longer
 * takes and cannot refresh means the link is gone.
 */
@Component
public class ConnectionCheck extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(ConnectionCheck.class);

    private final OrganizerAccounts accounts;
    private final HostToken tokens;
    private final WebexClient webex;
    private final ConnectionGoneNotice notice;
    private final RedisLock lock;
    private final RedisKeys keys;
    private final Duration interval;

    ConnectionCheck(
            OrganizerAccounts accounts,
            HostToken tokens,
            WebexClient webex,
            ConnectionGoneNotice notice,
            RedisLock lock,
            RedisKeys keys,
            ConnectionCheckProperties properties) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.webex = webex;
        this.notice = notice;
        this.lock = lock;
        this.keys = keys;
        this.interval = properties.interval();
    }

    @Override
    protected boolean enabled() {
        return !interval.isZero();
    }

    @Override
    protected Duration firstRoundAfter() {
        return interval;
    }

    @Override
    protected Duration period() {
        return interval;
    }

    /** Whoever takes the lease checks; the lease outlives the round, so the others skip this tick. */
    @Override
    protected Mono<Void> round() {
        return lock.tryAcquire(keys.key("account-check"), interval.dividedBy(2))
                .flatMap(owner -> checkAll().then())
                .onErrorResume(e -> {
                    log.warn("The check of the organizers' Webex links did not complete: {}", e.toString());
                    return Mono.empty();
                });
    }

    /** Checks every linked organizer once; emits how many links were found gone. */
    public Mono<Long> checkAll() {
        return accounts.linked()
                .concatMap(this::gone)
                .filter(Boolean::booleanValue)
                .count();
    }

    /** True when the organizer's link is gone (and they were told, once). */
    private Mono<Boolean> gone(OrganizerAccount account) {
        return tokens.call(account.personId(), token -> webex.people().me(token))
                .thenReturn(false)
                .onErrorResume(HostToken.RelinkNeeded.class, relink -> {
                    log.info("The Webex link of organizer {} is gone; telling them", account.personId());
                    return notice.tellOnce(account.personId()).thenReturn(true);
                })
                .onErrorResume(WebexApiException.class, e -> {
                    // Webex is down or slow: nothing is known about the link. The next round asks again.
                    log.info(
                            "Could not check the Webex link of organizer {}: {} {}",
                            account.personId(),
                            e.kind(),
                            e.status());
                    return Mono.just(false);
                });
    }
}
