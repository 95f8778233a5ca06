package io.guestgate.bot.lobby;

import io.guestgate.bot.BotProperties;
import io.guestgate.domain.lobby.LobbyProperties;
import io.guestgate.domain.lobby.LobbyStore;
import io.guestgate.platform.redis.StreamGroup;
import io.guestgate.platform.redis.StreamWorker;
import io.guestgate.webex.WebexApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The safety net under the {@code meetingParticipants} webhooks, which may come late or never (and Webex may not send
 * {@code joined} for a lobby entry at all): from the moment a verified guest got a token until nobody is expected any
 * more, at most {@code guestgate.lobby.poll-for}, the meeting's participants are listed every
 * {@code guestgate.lobby.poll-interval}. Every instance runs this loop, but each meeting is polled by exactly one: the
 * one holding its lease in Redis, which outlives a look and passes to another instance when the holder stops renewing
 * it (so after an instance dies, another takes its meetings over within about a minute). A 429 pauses that meeting's
 * polling for its {@code Retry-After}, on every instance: the pausing instance keeps the lease through the pause.
 */
@Component
class LobbyPoller extends StreamWorker {

    private static final int AT_ONCE = 4;
    /**
     * How long one look may take: longer than the Webex client waits out a {@code Retry-After} (at most
     * {@code guestgate.webex.http.max-retry-after}, 30 s by default), so a slowed-down look ends as a 429 and pauses.
     */
    static final Duration LOOK_TIMEOUT = Duration.ofSeconds(45);

    private final Door door;
    private final LobbyStore lobby;
    private final LobbyProperties properties;
    private final Clock clock;
    private final String owner;
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    LobbyPoller(Door door, LobbyStore lobby, LobbyProperties properties, BotProperties bot, Clock clock) {
        super("Lobby polling", properties.pollInterval(), Duration.ofSeconds(5));
        this.door = door;
        this.lobby = lobby;
        this.properties = properties;
        this.clock = clock;
        this.owner = StreamGroup.instanceName(bot.intake().consumerName());
    }

    @Override
    protected Mono<Void> ensureGroup() {
        return Mono.empty();
    }

    @Override
    protected Scheduler newScheduler() {
        return Schedulers.newSingle("lobby-poll", true);
    }

    @Override
    protected Mono<Void> loops() {
        return every(properties.pollInterval(), "poll the lobbies", () -> round().subscribeOn(scheduler()));
    }

    private Mono<Void> round() {
        Instant now = clock.instant();
        notBefore.values().removeIf(until -> !until.isAfter(now));
        return lobby.watched(now)
                .filter(meetingId -> !notBefore.containsKey(meetingId))
                .flatMap(
                        meetingId -> lobby.lease(meetingId, owner, lease())
                                .filter(Boolean::booleanValue)
                                .flatMap(held -> door.look(meetingId)
                                        .timeout(LOOK_TIMEOUT)
                                        .doOnSuccess(done -> warned.remove(meetingId))
                                        .onErrorResume(e -> failed(meetingId, e))),
                        AT_ONCE)
                .then();
    }

    /** Outlives a look, so that no other instance starts one while this one's is under way. */
    private Duration lease() {
        Duration threeRounds = properties.pollInterval().multipliedBy(3);
        Duration look = LOOK_TIMEOUT.plus(properties.pollInterval());
        return threeRounds.compareTo(look) > 0 ? threeRounds : look;
    }

    private Mono<Void> failed(String meetingId, Throwable e) {
        if (e instanceof WebexApiException webex && webex.isRateLimited()) {
            // Held through the pause, the lease keeps the other instances from polling the meeting meanwhile.
            Duration wait = webex.retryAfter().orElse(properties.pollInterval());
            notBefore.put(meetingId, clock.instant().plus(wait));
            log.info("Webex asked to slow down polling meeting {}; next look in {}", meetingId, wait);
            return lobby.lease(meetingId, owner, wait.plus(lease())).then().onErrorResume(x -> Mono.empty());
        }
        // Once per meeting until a look succeeds again: a meeting not in progress yet may refuse every look.
        if (warned.add(meetingId)) {
            log.warn("Could not look at the lobby of meeting {}: {}", meetingId, e.toString());
        } else {
            log.debug("Could not look at the lobby of meeting {}: {}", meetingId, e.toString());
        }
        return Mono.empty();
    }
}
