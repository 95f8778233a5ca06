package io.guestgate.webex;

import io.guestgate.webex.meetings.CreateInviteeRequest;
import io.guestgate.webex.meetings.MeetingInvitee;
import io.guestgate.webex.oauth.AccessToken;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /meetingInvitees}: create, list (all pages), delete. */
public final class MeetingInviteesApi {

    private final WebexHttp http;

    MeetingInviteesApi(WebexHttp http) {
        this.http = http;
    }

    /** {@code POST /meetingInvitees}. */
    public Mono<MeetingInvitee> create(AccessToken token, CreateInviteeRequest request) {
        Objects.requireNonNull(request, "request");
        return http.sendJson(
                HttpMethod.POST, token, http.uri("/meetingInvitees", Map.of()), request, MeetingInvitee.class);
    }

    /** {@code GET /meetingInvitees?meetingId=…}, following every page. */
    public Flux<MeetingInvitee> list(AccessToken token, String meetingId) {
        requireText(meetingId);
        return http.list(token, http.uri("/meetingInvitees", Map.of("meetingId", meetingId)), MeetingInvitee.class);
    }

    /** {@code DELETE /meetingInvitees/{id}}, leaving Webex's default for the notification mail. */
    public Mono<Void> delete(AccessToken token, String inviteeId) {
        return http.sendExpectingNoContent(
                HttpMethod.DELETE, token, http.uri("/meetingInvitees/{p0}", Map.of(), inviteeId), null);
    }

    /** {@code DELETE /meetingInvitees/{id}?sendEmail=…}. */
    public Mono<Void> delete(AccessToken token, String inviteeId, boolean sendEmail) {
        return http.sendExpectingNoContent(
                HttpMethod.DELETE,
                token,
                http.uri("/meetingInvitees/{p0}", Map.of("sendEmail", sendEmail), inviteeId),
                null);
    }

    private static void requireText(String meetingId) {
        if (meetingId == null || meetingId.isBlank()) {
            throw new IllegalArgumentException("meetingId must not be blank");
        }
    }
}
