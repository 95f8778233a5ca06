package io.guestgate.landing.notify;

import io.guestgate.domain.admission.AdmissionProperties;
import io.guestgate.domain.approval.ApprovalRequest;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.landing.admission.IdentityMatcher;
import io.guestgate.landing.admission.OrganizerNotifications;
import io.guestgate.platform.text.MessageBundles;
import io.guestgate.platform.webex.OrganizerNotifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The organizer's chat messages about guests, sent 1:1 by the bot, in {@code guestgate.admission.organizer-language}. */
@Component
class ChatNotifications implements OrganizerNotifications {

    /** The card input the bot's intake routes by, and the value that names the bot's admission handler. */
    static final String ACTION = "admission";

    private final OrganizerNotifier notifier;
    private final ResourceBundleMessageSource texts = MessageBundles.of("landing/organizer");
    private final Locale locale;

    ChatNotifications(OrganizerNotifier notifier, AdmissionProperties properties) {
        this.notifier = notifier;
        this.locale = Locale.forLanguageTag(properties.organizerLanguage());
    }

    @Override
    public Mono<Void> joining(Meeting meeting, Invitation invitation, VerifiedIdentity identity) {
        String joining = text(
                "joining",
                ChatMarkdown.escape(identity.displayName()),
                ChatMarkdown.escape(provider(identity)),
                ChatMarkdown.escape(meeting.title()),
                ChatMarkdown.escape(invitation.invitee().name()),
                ChatMarkdown.escape(invitation.invitee().email()));
        // Under the email policy the address decides; a verified name unlike the invited one is worth a look.
        String differs = IdentityMatcher.sameName(invitation.invitee().name(), identity.displayName())
                ? ""
                : "\n"
                        + text(
                                "joining.name-differs",
                                ChatMarkdown.escape(identity.displayName()),
                                ChatMarkdown.escape(invitation.invitee().name()));
        return notifier.tellQuietly(meeting.organizer().personId(), joining + differs);
    }

    @Override
    public Mono<Void> refused(Meeting meeting, Invitation invitation, VerifiedIdentity identity, String reason) {
        return notifier.tellQuietly(
                meeting.organizer().personId(),
                text(
                        "refused",
                        ChatMarkdown.escape(identity.displayName()),
                        ChatMarkdown.escape(provider(identity)),
                        ChatMarkdown.escape(invitation.invitee().name()),
                        ChatMarkdown.escape(meeting.title()),
                        text("reason." + reason)));
    }

    @Override
    public Mono<Void> askToAdmit(Meeting meeting, Invitation invitation, ApprovalRequest request) {
        VerifiedIdentity identity = request.identity();
        String name = ChatMarkdown.escape(identity.displayName());
        String markdown = text(
                "ask.markdown",
                name,
                ChatMarkdown.escape(provider(identity)),
                ChatMarkdown.escape(meeting.title()),
                ChatMarkdown.escape(invitation.invitee().name()));
        return notifier.tellWithCard(meeting.organizer().personId(), markdown, card(meeting, invitation, request))
                .then();
    }

    private Map<String, Object> card(Meeting meeting, Invitation invitation, ApprovalRequest request) {
        VerifiedIdentity identity = request.identity();
        List<Map<String, Object>> facts = new ArrayList<>();
        facts.add(fact(text("card.name"), ChatMarkdown.escape(identity.displayName())));
        facts.add(fact(
                text("card.email"),
                identity.email() == null
                        ? text("card.none")
                        : ChatMarkdown.escape(identity.email()) + " "
                                + text(identity.emailVerified() ? "card.verified" : "card.unverified")));
        facts.add(fact(
                text("card.assurance"),
                identity.acr() == null ? text("card.none") : ChatMarkdown.escape(identity.acr())));
        facts.add(fact(text("card.provider"), ChatMarkdown.escape(provider(identity))));
        facts.add(fact(
                text("card.invited"),
                ChatMarkdown.escape(invitation.invitee().name()) + " ("
                        + ChatMarkdown.escape(invitation.invitee().email()) + ")"));
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.3");
        card.put(
                "body",
                List.of(
                        Map.of(
                                "type",
                                "TextBlock",
                                "text",
                                text("card.heading", ChatMarkdown.escape(meeting.title())),
                                "weight",
                                "Bolder",
                                "size",
                                "Medium",
                                "wrap",
                                true),
                        Map.of("type", "FactSet", "facts", facts),
                        Map.of("type", "TextBlock", "text", text("card.deadline"), "isSubtle", true, "wrap", true)));
        card.put(
                "actions",
                List.of(submit(text("card.admit"), request, "admit"), submit(text("card.deny"), request, "deny")));
        return card;
    }

    private Map<String, Object> submit(String title, ApprovalRequest request, String decision) {
        return Map.of(
                "type",
                "Action.Submit",
                "title",
                title,
                "data",
                Map.of(
                        "action",
                        ACTION,
                        "requestId",
                        request.id(),
                        "decision",
                        decision,
                        "lang",
                        locale.getLanguage()));
    }

    private static Map<String, Object> fact(String title, String value) {
        return Map.of("title", title, "value", value);
    }

    private static String provider(VerifiedIdentity identity) {
        return identity.provider() == null ? "OpenID Connect" : identity.provider();
    }

    private String text(String key, Object... args) {
        return texts.getMessage(key, args, locale);
    }
}
