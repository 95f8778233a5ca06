package io.guestgate.domain.account;

/** How a login callback ended. Each case gets its own page; only {@link Linked} changed anything. */
public sealed interface ConnectResult {

    /**
     * The organizer's Webex account is linked and its tokens are stored.
     *
     * @param lobbyWatched whether the organizer's lobby webhooks are registered; when not (e.g. the token lacks the
     *                     {@code meeting:participants_*} scopes), the organizer is asked to link again
     */
    record Linked(OrganizerAccount account, boolean lobbyWatched) implements ConnectResult {}

    /** The state is unknown, expired or already used. Nothing changed. */
    record StateInvalid() implements ConnectResult {}

    /**
     * Someone signed in to Webex as a different person than the one who asked for the link in chat, e.g. an
     * attacker who sent their own link to a victim. Nothing was stored.
     */
    record WrongAccount() implements ConnectResult {}

    /**
     * The Webex account is outside the organizations and domains allowed to use the bot ({@link AllowedOrganizers}).
     * Nothing was stored; the tokens Webex issued are dropped.
     */
    record NotAllowed() implements ConnectResult {}

    /** Webex refused the code or could not be reached. The state is used up; nothing was stored. */
    record WebexFailed() implements ConnectResult {}
}
