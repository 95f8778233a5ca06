package io.guestgate.domain.lobby;

import io.guestgate.platform.settings.Violations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How GuestGate keeps the Webex lobby of its meetings.
 *
 * @param pollInterval     how often one instance lists a meeting's participants while a verified guest is expected
 *                         (the safety net for {@code meetingParticipants} webhooks that come late or never)
 * @param pollFor          how long after a guest token was minted the meeting is polled at most
 * @param joinLinks        whether the meeting page offers "Open in Webex" (a personal join link), and how a
 *                         participant who came by one is let in: {@code off}, or {@code host-confirm}
 * @param joinLinkMinutes  how long such a link works (Webex: 1–60; GuestGate allows at most 5)
 */
@ConfigurationProperties("guestgate.lobby")
public record LobbyProperties(
        @DefaultValue("3s") Duration pollInterval,
        @DefaultValue("5m") Duration pollFor,
        @DefaultValue("host-confirm") JoinLinks joinLinks,
        @DefaultValue("5") int joinLinkMinutes) {

    public LobbyProperties {
        boolean pollIntervalValid = pollInterval != null && pollInterval.compareTo(Duration.ofMillis(100)) >= 0;
        new Violations()
                .require(pollIntervalValid, "guestgate.lobby.poll-interval", "must be at least 100ms")
                .require(
                        pollFor != null && (!pollIntervalValid || pollFor.compareTo(pollInterval) >= 0),
                        "guestgate.lobby.poll-for",
                        "must be at least the poll interval")
                .require(
                        joinLinkMinutes >= 1 && joinLinkMinutes <= 5,
                        "guestgate.lobby.join-link-minutes",
                        "must be between 1 and 5")
                .throwIfAny();
    }

    public enum JoinLinks {
        /** The meeting page offers no join link: guests join through the widget only. */
        OFF,
        /** "Open in Webex" is offered; whoever then waits in the lobby is let in only when the organizer confirms. */
        HOST_CONFIRM
    }
}
