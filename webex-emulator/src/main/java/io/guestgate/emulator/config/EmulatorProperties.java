package io.guestgate.emulator.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the emulator, under {@code emulator.*}.
 *
 * @param seed path of a seed JSON file; without it the built-in {@link EmulatorSeed#defaults()} are used
 * @param printSeed print the seeded people and their tokens on start (standalone runs do)
 */
@ConfigurationProperties("emulator")
public record EmulatorProperties(
        String seed,
        @DefaultValue("false") boolean printSeed,
        @DefaultValue OAuth oauth,
        @DefaultValue Guests guests,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Meetings meetings,
        @DefaultValue ServiceApp serviceApp) {

    /** Lifetimes of OAuth artefacts; Webex's own are 14 days for access and 90 days for refresh tokens. */
    public record OAuth(
            @DefaultValue("P14D") Duration accessTokenLifetime,
            @DefaultValue("P90D") Duration refreshTokenLifetime,
            @DefaultValue("PT5M") Duration codeLifetime) {}

    /** Lifetimes of guest tokens from /jwt/login and /guests/token. */
    public record Guests(
            @DefaultValue("PT6H") Duration jwtLoginTokenLifetime,
            @DefaultValue("PT18H") Duration serviceAppTokenLifetime) {}

    /**
     * Lifetimes of the token pairs a Service App gets from a refresh, from {@code POST /applications/{id}/token} or
     * from an admin's authorization; Webex states them in {@code expires_in} and {@code refresh_token_expires_in}.
     */
    public record ServiceApp(
            @DefaultValue("P14D") Duration accessTokenLifetime,
            @DefaultValue("P90D") Duration refreshTokenLifetime) {}

    /**
     * Webhook delivery: each event is tried up to {@code maxAttempts} times with exponential backoff; after
     * {@code maxConsecutiveFailures} failed attempts in a row the webhook turns {@code inactive}, as Webex does.
     */
    public record Webhooks(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("PT0.2S") Duration initialBackoff,
            @DefaultValue("5") int maxConsecutiveFailures,
            @DefaultValue("PT5S") Duration timeout) {}

    /**
     * What the door of a meeting does where real Webex may differ by site, meeting type or release.
     *
     * @param lobbyJoinedEvents send a {@code meetingParticipants} {@code joined} webhook when someone enters the lobby
     *     (with {@code state: lobby}); when false, {@code joined} comes only on admission, as Webex may do
     * @param guestPasswordRequired guests (appuser tokens) and unauthenticated users must give the meeting password to
     *     join, as on the Webex Suite Meeting Platform ({@code HOST_PIN_OR_MEETING_PASSWORD_REQUIRED}); the host and the
     *     org's own users never need it, nor does a {@code /meetings/join} link, which carries it
     */
    public record Meetings(
            @DefaultValue("true") boolean lobbyJoinedEvents,
            @DefaultValue("true") boolean guestPasswordRequired) {}
}
