package io.guestgate.bot.lobby;

import io.guestgate.bot.command.CardActionHandler;
import io.guestgate.bot.command.CardSubmission;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.audit.AuditEvent;
import io.guestgate.domain.audit.AuditLog;
import io.guestgate.domain.lobby.DoorDecision;
import io.guestgate.domain.lobby.LobbyStore;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.platform.metrics.GuestgateMetrics;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.WebexClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organizer's Admit anyway on a lobby card ({@code action=lobby}). Who pressed is what Webex says
 * ({@link Conversation#personId()}), and only the meeting's organizer counts. The decision moves from kept out to
 * admitted anyway by compare-and-set, so two clicks or two instances admit once; if Webex then does not admit, it
 * moves back and the organizer may press again. Two people claiming one join link are admitted by neither button.
 */
@Component
class AdmitAnywayHandler implements CardActionHandler {

    private static final Logger log = LoggerFactory.getLogger(AdmitAnywayHandler.class);

    private final MeetingStore meetings;
    private final LobbyStore lobby;
    private final WebexClient webex;
    private final HostToken hostToken;
    private final DoorTexts texts;
    private final AuditLog audit;
    private final GuestgateMetrics metrics;
    private final Clock clock;

    AdmitAnywayHandler(
            MeetingStore meetings,
            LobbyStore lobby,
            WebexClient webex,
            HostToken hostToken,
            DoorTexts texts,
            AuditLog audit,
            GuestgateMetrics metrics,
            Clock clock) {
        this.meetings = meetings;
        this.lobby = lobby;
        this.webex = webex;
        this.hostToken = hostToken;
        this.texts = texts;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String action() {
        return DoorNotices.ACTION;
    }

    @Override
    public Flux<Reply> handle(CardSubmission submission, Conversation conversation) {
        Language language = submission.language();
        Optional<String> meetingId = submission.input("meetingId").filter(id -> id.matches("[a-z0-9]{1,40}"));
        Optional<String> participantId =
                submission.input("participantId").filter(id -> id.matches("[A-Za-z0-9_.:=+/-]{1,300}"));
        if (meetingId.isEmpty() || participantId.isEmpty()) {
            return Flux.just(answer(language, "answer.invalid"));
        }
        return meetings.findById(meetingId.get())
                .flatMap(meeting -> {
                    if (!meeting.isOwnedBy(conversation.personId())) {
                        return audit.record(new AuditEvent(
                                        clock.instant(),
                                        "lobby",
                                        "not-organizer",
                                        meeting.id(),
                                        null,
                                        conversation.personId(),
                                        Map.of("participantId", participantId.get())))
                                .thenReturn(answer(language, "answer.not-organizer"));
                    }
                    return lobby.decision(meeting.id(), participantId.get())
                            .flatMap(decided ->
                                    admitAnyway(meeting, participantId.get(), decided, conversation, language));
                })
                .defaultIfEmpty(answer(language, "answer.unknown"))
                .flux();
    }

    private Mono<Reply> admitAnyway(
            Meeting meeting, String participantId, DoorDecision decided, Conversation conversation, Language language) {
        String name = Markdown.escape(decided.displayName());
        if (decided.kind() == DoorDecision.Kind.ADMITTED_ANYWAY || decided.kind() == DoorDecision.Kind.ADMITTED) {
            return Mono.just(answer(language, "answer.already-admitted", name));
        }
        if (decided.kind() != DoorDecision.Kind.KEPT_OUT) {
            return Mono.just(answer(language, "answer.unknown"));
        }
        Mono<Boolean> contested = decided.invitationId() == null
                ? Mono.just(false)
                : lobby.decisions(meeting.id())
                        .any(entry -> !entry.getKey().equals(participantId)
                                && entry.getValue().kind() == DoorDecision.Kind.KEPT_OUT
                                && decided.invitationId()
                                        .equals(entry.getValue().invitationId()));
        DoorDecision anyway = decided.as(DoorDecision.Kind.ADMITTED_ANYWAY, clock.instant());
        return contested.flatMap(twoClaimants -> twoClaimants
                ? Mono.just(answer(language, "answer.contested"))
                : lobby.redecide(meeting.id(), participantId, decided, anyway)
                        .flatMap(won -> !won
                                ? Mono.just(answer(language, "answer.already-admitted", name))
                                : hostToken
                                        .call(
                                                meeting,
                                                token -> webex.meetingParticipants()
                                                        .admit(token, List.of(participantId))
                                                        .thenReturn(true))
                                        .then(Mono.defer(() -> {
                                            metrics.lobbyDecision(DoorDecision.Kind.ADMITTED_ANYWAY.wire());
                                            return audit.record(new AuditEvent(
                                                    clock.instant(),
                                                    "lobby",
                                                    DoorDecision.Kind.ADMITTED_ANYWAY.wire(),
                                                    meeting.id(),
                                                    decided.invitationId(),
                                                    conversation.personId(),
                                                    Map.of("participantId", participantId)));
                                        }))
                                        .thenReturn(answer(
                                                language, "answer.admitted", name, Markdown.escape(meeting.title())))
                                        .onErrorResume(e -> notAdmitted(
                                                meeting, participantId, anyway, decided, e, name, language))));
    }

    /** Webex did not admit: the decision goes back to kept out, so the organizer can press again. */
    private Mono<Reply> notAdmitted(
            Meeting meeting,
            String participantId,
            DoorDecision anyway,
            DoorDecision before,
            Throwable error,
            String name,
            Language language) {
        log.warn(
                "Admit anyway of participant {} in meeting {} failed: {}",
                participantId,
                meeting.id(),
                error.toString());
        boolean gone = error instanceof WebexApiException webexError && webexError.isNotFound();
        return lobby.redecide(meeting.id(), participantId, anyway, before)
                .thenReturn(answer(language, gone ? "answer.not-waiting" : "answer.failed", name));
    }

    private Reply answer(Language language, String key, Object... args) {
        return Reply.text(texts.text(language, key, args));
    }
}
