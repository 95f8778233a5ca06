package io.guestgate.sandbox;

import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.meetings.Meeting;
import io.guestgate.emulator.support.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The sandbox's stand-ins for what happens at Webex's door, where offline there is no Webex client:
 * <ul>
 * <li>{@code POST /sandbox/meeting/join}: the sandbox meeting room joins the meeting with the verified guest's token
 * and password, as the Meetings widget would, so the guest waits in the emulator's lobby and GuestGate lets them in;</li>
 * <li>{@code POST /sandbox/api/knock}: someone who got hold of the meeting's address knocks under any name;</li>
 * <li>{@code GET /sandbox/api/lobby}: the organizer's meetings at the emulator and who is in them or waiting.</li>
 * </ul>
 */
@Component
@Profile(SandboxRunListener.PROFILE)
class SandboxLobby {

    private static final int MAX_FIELD = 200;

    private final WebexEmulator emulator;

    SandboxLobby(SandboxWorld world) {
        this.emulator = world.webex().emulator();
    }

    Mono<ServerResponse> join(ServerRequest request) {
        return request.bodyToMono(JoinRequest.class)
                .filter(body -> body.destination() != null && body.accessToken() != null)
                .flatMap(body ->
                        call(() -> emulator.joinMeeting(body.destination(), body.accessToken(), body.password())))
                .flatMap(participant -> ServerResponse.ok()
                        .bodyValue(Map.of(
                                "participantId",
                                participant.id(),
                                "state",
                                participant.state().wire())))
                .switchIfEmpty(problem(HttpStatus.BAD_REQUEST, "bad-join"))
                .onErrorResume(ApiException.class, SandboxLobby::refused);
    }

    Mono<ServerResponse> knock(ServerRequest request) {
        return request.bodyToMono(KnockRequest.class)
                .filter(body -> text(body.meetingId())
                        && text(body.displayName())
                        && (body.email() == null || body.email().length() <= MAX_FIELD))
                .flatMap(body -> call(() -> emulator.meetings().stream()
                        .filter(m -> m.id().equals(body.meetingId()))
                        .findFirst()
                        .map(m -> emulator.knock(
                                m.sipAddress(),
                                body.displayName().strip(),
                                body.email() == null || body.email().isBlank()
                                        ? null
                                        : body.email().strip(),
                                emulator.password(m.id())))
                        .orElseThrow(() -> ApiException.notFound("Meeting not found."))))
                .flatMap(participant -> ServerResponse.ok()
                        .bodyValue(Map.of(
                                "participantId",
                                participant.id(),
                                "state",
                                participant.state().wire())))
                .switchIfEmpty(problem(HttpStatus.BAD_REQUEST, "bad-knock"))
                .onErrorResume(ApiException.class, SandboxLobby::refused);
    }

    Mono<ServerResponse> lobby(ServerRequest request) {
        return call(() -> emulator.meetings().stream().map(this::view).toList())
                .flatMap(meetings -> ServerResponse.ok().bodyValue(Map.of("meetings", meetings)));
    }

    private MeetingView view(Meeting meeting) {
        return new MeetingView(
                meeting.id(),
                meeting.title(),
                emulator.participants(meeting.id()).stream()
                        .filter(p -> !p.host())
                        .map(p -> new ParticipantView(
                                p.id(), p.displayName(), p.email(), p.state().wire(), p.authenticated()))
                        .toList());
    }

    private static <T> Mono<T> call(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    private static boolean text(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_FIELD;
    }

    private static Mono<ServerResponse> refused(ApiException e) {
        return ServerResponse.status(e.status())
                .bodyValue(Map.of("error", "emulator", "status", e.status().value()));
    }

    private static Mono<ServerResponse> problem(HttpStatus status, String code) {
        return ServerResponse.status(status).bodyValue(Map.of("error", code));
    }

    record JoinRequest(String destination, String accessToken, String password) {
        @Override
        public String toString() {
            return "JoinRequest[destination=" + destination + ", accessToken=redacted, password=redacted]";
        }
    }

    record KnockRequest(String meetingId, String displayName, String email) {}

    record MeetingView(String id, String title, List<ParticipantView> participants) {}

    record ParticipantView(String id, String displayName, String email, String state, boolean signedIn) {}
}
