package io.guestgate.webex;

import io.guestgate.webex.meetings.MeetingParticipant;
import io.guestgate.webex.oauth.AccessToken;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /meetingParticipants}: list (all pages) and admit from the lobby. */
public final class MeetingParticipantsApi {

    private final WebexHttp http;

    MeetingParticipantsApi(WebexHttp http) {
        this.http = http;
    }

    /** {@code GET /meetingParticipants?meetingId=…} for a meeting in progress, following every page. */
    public Flux<MeetingParticipant> list(AccessToken token, String meetingId) {
        if (meetingId == null || meetingId.isBlank()) {
            throw new IllegalArgumentException("meetingId must not be blank");
        }
        return http.list(
                token, http.uri("/meetingParticipants", Map.of("meetingId", meetingId)), MeetingParticipant.class);
    }

    /** {@code POST /meetingParticipants/admit}: lets the named participants in from the lobby. */
    public Mono<Void> admit(AccessToken token, List<String> participantIds) {
        if (participantIds == null || participantIds.isEmpty()) {
            throw new IllegalArgumentException("Name at least one participant to admit");
        }
        List<Map<String, String>> items =
                participantIds.stream().map(id -> Map.of("participantId", id)).toList();
        return http.sendExpectingNoContent(
                HttpMethod.POST, token, http.uri("/meetingParticipants/admit", Map.of()), Map.of("items", items));
    }
}
