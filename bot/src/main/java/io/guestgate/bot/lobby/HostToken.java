package io.guestgate.bot.lobby;

import io.guestgate.domain.account.OrganizerTokens;
import io.guestgate.domain.account.TokenResult;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.oauth.AccessToken;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The door acts with the meeting's host's own token: only the host sees the lobby and may admit. The token is
 * refreshed at the point of use, and once more when Webex answers 401 anyway (a 401 means Webex did nothing).
 * Empty with {@link #relinkNeeded} set when the organizer must link again.
 */
@Component
public class HostToken {

    private final OrganizerTokens tokens;

    HostToken(OrganizerTokens tokens) {
        this.tokens = tokens;
    }

    /** {@code work} with the host's token; {@link RelinkNeeded} when there is no usable token. */
    public <T> Mono<T> call(Meeting meeting, Function<AccessToken, Mono<T>> work) {
        return call(meeting.organizer().personId(), work);
    }

    /** {@code work} with this organizer's token, refreshed as for a meeting of theirs. */
    public <T> Mono<T> call(String host, Function<AccessToken, Mono<T>> work) {
        return tokens.validAccessToken(host).flatMap(result -> {
            if (!(result instanceof TokenResult.Token token)) {
                return Mono.error(new RelinkNeeded());
            }
            return work.apply(AccessToken.of(token.accessToken()))
                    .onErrorResume(
                            WebexApiException.class,
                            error -> !error.isUnauthorized()
                                    ? Mono.error(error)
                                    : tokens.renewRejected(host, token.accessToken())
                                            .flatMap(renewed -> renewed instanceof TokenResult.Token fresh
                                                    ? work.apply(AccessToken.of(fresh.accessToken()))
                                                    : Mono.error(new RelinkNeeded())));
        });
    }

    /** The organizer's link is gone, revoked, or lacks the participant scopes: they must link again. */
    public static final class RelinkNeeded extends RuntimeException {
        RelinkNeeded() {
            super("the organizer must link their Webex account again", null, false, false);
        }
    }
}
