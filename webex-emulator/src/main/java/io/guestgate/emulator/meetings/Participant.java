package io.guestgate.emulator.meetings;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone in a meeting instance, waiting in its lobby, or gone from it.
 *
 * @param seriesId the meeting (series) id, as {@code POST /meetings} returned it
 * @param meetingId the instance id {@code <seriesId>_I_<number>}, which Webex shows as the participant's
 *     {@code meetingId}
 * @param personId the Webex person, or null for someone who joined without signing in (a knocker, a join link)
 * @param orgId the participant's organisation: {@link #UNAUTHENTICATED_ORG_ID} for whoever did not sign in
 */
public record Participant(
        String id,
        String seriesId,
        String meetingId,
        String personId,
        String email,
        String displayName,
        String orgId,
        boolean host,
        State state,
        Instant joinedTime,
        Instant leftTime) {

    /**
     * The org id the emulator gives everyone who joins without signing in: a stranger at the web client, or whoever
     * opens a {@code /meetings/join} link. It is never the seed's org, so an org check tells them from its users, and
     * it is the same for every such participant. It is {@code WebexIds.of("ORGANIZATION", "webex-unauthenticated-users")}.
     */
    public static final String UNAUTHENTICATED_ORG_ID =
            "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8wNGQwOWIxZC0xOWVmLTM5ODAtYTRjMS1iMDg2ZWYxMGI5NGI";

    /** Webex's {@code state} values the emulator produces ({@code breakoutSession} it does not). */
    public enum State {
        LOBBY("lobby"),
        JOINED("joined"),
        END("end");

        private final String wire;

        State(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(state, "state");
    }

    /** Whether they signed in: knockers and join-link users did not. */
    public boolean authenticated() {
        return personId != null;
    }

    /** Still in the instance: in its lobby or in the meeting. */
    public boolean present() {
        return state != State.END;
    }

    Participant admitted(Instant at) {
        return new Participant(
                id, seriesId, meetingId, personId, email, displayName, orgId, host, State.JOINED, at, null);
    }

    Participant left(Instant at) {
        return new Participant(
                id, seriesId, meetingId, personId, email, displayName, orgId, host, State.END, joinedTime, at);
    }
}
