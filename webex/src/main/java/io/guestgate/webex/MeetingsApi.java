package io.guestgate.webex;

import io.guestgate.webex.meetings.JoinLinks;
import io.guestgate.webex.meetings.JoinMeetingRequest;
import io.guestgate.webex.meetings.Meeting;
import io.guestgate.webex.meetings.MeetingListQuery;
import io.guestgate.webex.meetings.MeetingPassword;
import io.guestgate.webex.meetings.MeetingRequest;
import io.guestgate.webex.oauth.AccessToken;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /meetings}: create, get, update, delete, list (all pages), and {@code /meetings/join}. */
public final class MeetingsApi {

    private static final DateTimeFormatter QUERY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final WebexHttp http;

    MeetingsApi(WebexHttp http) {
        this.http = http;
    }

    /** {@code POST /meetings}. Sent once: a 5xx is not retried, since Webex may have created the meeting. */
    public Mono<Meeting> create(AccessToken token, MeetingRequest request) {
        Objects.requireNonNull(request, "request");
        return http.sendJson(HttpMethod.POST, token, http.uri("/meetings", Map.of()), request, Meeting.class);
    }

    /** {@code GET /meetings/{meetingId}}. */
    public Mono<Meeting> get(AccessToken token, String meetingId) {
        return http.get(token, http.uri("/meetings/{p0}", Map.of(), meetingId), Meeting.class);
    }

    /**
     * {@code GET /meetings/{meetingId}}, reading only the password: what a verified guest is handed so that the
     * meeting does not stop them at a password prompt. Needs the host's token.
     */
    public Mono<MeetingPassword> password(AccessToken token, String meetingId) {
        return http.get(token, http.uri("/meetings/{p0}", Map.of(), meetingId), MeetingPassword.class);
    }

    /** {@code PUT /meetings/{meetingId}}: replaces the meeting's settings, so send the full set. */
    public Mono<Meeting> update(AccessToken token, String meetingId, MeetingRequest request) {
        Objects.requireNonNull(request, "request");
        return http.sendJson(
                HttpMethod.PUT, token, http.uri("/meetings/{p0}", Map.of(), meetingId), request, Meeting.class);
    }

    /** {@code DELETE /meetings/{meetingId}}, leaving Webex's default for cancellation mails. */
    public Mono<Void> delete(AccessToken token, String meetingId) {
        return http.sendExpectingNoContent(
                HttpMethod.DELETE, token, http.uri("/meetings/{p0}", Map.of(), meetingId), null);
    }

    /** {@code DELETE /meetings/{meetingId}?sendEmail=…}: whether Webex mails a cancellation to its invitees. */
    public Mono<Void> delete(AccessToken token, String meetingId, boolean sendEmail) {
        return http.sendExpectingNoContent(
                HttpMethod.DELETE, token, http.uri("/meetings/{p0}", Map.of("sendEmail", sendEmail), meetingId), null);
    }

    /** {@code GET /meetings}, following every {@code rel="next"} page. */
    public Flux<Meeting> list(AccessToken token, MeetingListQuery query) {
        Objects.requireNonNull(query, "query");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("meetingNumber", query.meetingNumber());
        params.put("webLink", query.webLink());
        params.put("meetingType", query.meetingType());
        params.put("state", query.state());
        params.put("from", format(query.from()));
        params.put("to", format(query.to()));
        params.put("hostEmail", query.hostEmail());
        params.put("max", query.max());
        return http.list(token, http.uri("/meetings", params), Meeting.class);
    }

    /**
     * {@code POST /meetings/join}: a personal join link, e.g. for a verified guest. With {@code joinDirectly} false
     * Webex answers 200 with the links; with it true or absent, 302 to the join link, which this returns as
     * {@link JoinLinks} with only {@code joinLink} set.
     */
    public Mono<JoinLinks> join(AccessToken token, JoinMeetingRequest request) {
        Objects.requireNonNull(request, "request");
        return http.sendJsonOrRedirect(
                HttpMethod.POST,
                token,
                http.uri("/meetings/join", Map.of()),
                request,
                JoinLinks.class,
                location -> new JoinLinks(location.toString(), null, null));
    }

    private static String format(OffsetDateTime time) {
        return time == null ? null : QUERY_TIME.format(time);
    }
}
