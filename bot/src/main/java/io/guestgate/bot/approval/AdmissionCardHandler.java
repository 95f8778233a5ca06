package io.guestgate.bot.approval;

import io.guestgate.bot.command.CardActionHandler;
import io.guestgate.bot.command.CardSubmission;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.approval.ApprovalRequest;
import io.guestgate.domain.approval.ApprovalStatus;
import io.guestgate.domain.approval.ApprovalStore;
import io.guestgate.domain.approval.Decision;
import io.guestgate.domain.audit.AuditEvent;
import io.guestgate.domain.audit.AuditLog;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organizer's Admit or Deny on a host-approval card ({@code action=admission}). Who pressed the button is what
 * Webex says ({@link Conversation#personId()}), never what the card carries, and only the meeting's organizer counts.
 * The waiting guest's page picks the answer up from the shared approval store.
 */
@Component
class AdmissionCardHandler implements CardActionHandler {

    static final String ACTION = "admission";

    private final ApprovalStore approvals;
    private final AuditLog audit;
    private final Clock clock;

    AdmissionCardHandler(ApprovalStore approvals, AuditLog audit, Clock clock) {
        this.approvals = approvals;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Flux<Reply> handle(CardSubmission submission, Conversation conversation) {
        Language language = submission.language();
        Optional<String> requestId = submission.input("requestId").filter(ApprovalStore::isWellFormedId);
        Optional<Boolean> admit = submission
                .input("decision")
                .filter(decision -> decision.equals("admit") || decision.equals("deny"))
                .map("admit"::equals);
        if (requestId.isEmpty() || admit.isEmpty()) {
            return Flux.just(Reply.text(AdmissionTexts.text(language, "invalid")));
        }
        return approvals
                .decide(requestId.get(), conversation.personId(), admit.get())
                .flatMap(decision -> answer(decision, language, conversation))
                .flux();
    }

    private Mono<Reply> answer(Decision decision, Language language, Conversation conversation) {
        if (decision instanceof Decision.Recorded recorded) {
            ApprovalRequest request = recorded.request();
            boolean admitted = request.status() == ApprovalStatus.ADMITTED;
            return audit.record(new AuditEvent(
                            clock.instant(),
                            "approval",
                            admitted ? "admitted" : "denied",
                            request.meetingId(),
                            request.invitationId(),
                            conversation.personId(),
                            Map.of("verifiedName", request.identity().displayName(), "requestId", request.id())))
                    .thenReturn(
                            Reply.text(AdmissionTexts.text(language, admitted ? "admitted" : "denied", name(request))));
        }
        if (decision instanceof Decision.AlreadyDecided already) {
            boolean admitted = already.request().status() == ApprovalStatus.ADMITTED;
            return Mono.just(Reply.text(AdmissionTexts.text(
                    language, admitted ? "already-admitted" : "already-denied", name(already.request()))));
        }
        if (decision instanceof Decision.TimedOut timedOut) {
            return Mono.just(Reply.text(AdmissionTexts.text(language, "timed-out", name(timedOut.request()))));
        }
        if (decision instanceof Decision.NotOrganizer notOrganizer) {
            return audit.record(new AuditEvent(
                            clock.instant(),
                            "approval",
                            "not-organizer",
                            notOrganizer.request().meetingId(),
                            notOrganizer.request().invitationId(),
                            conversation.personId(),
                            Map.of("requestId", notOrganizer.request().id())))
                    .thenReturn(Reply.text(AdmissionTexts.text(language, "not-organizer")));
        }
        return Mono.just(Reply.text(AdmissionTexts.text(language, "unknown")));
    }

    private static String name(ApprovalRequest request) {
        return Markdown.escape(request.identity().displayName());
    }
}
