package io.guestgate.bot.lobby;

import io.guestgate.bot.command.account.ConnectionGoneNotice;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.domain.admission.AdmissionProperties;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.domain.lobby.JoinLinkOpened;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.platform.webex.OrganizerNotifier;
import io.guestgate.webex.meetings.MeetingParticipant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the door tells the organizer in chat, 1:1. Every name and address a participant typed is escaped: a lobby
 * name cannot format or link anything. Plain notices never fail the door's work; a card that cannot be sent does,
 * so the next look at the lobby tries again.
 */
@Component
class DoorNotices {

    /** The card input the bot routes by, naming {@link AdmitAnywayHandler}. */
    static final String ACTION = "lobby";

    private final OrganizerNotifier notifier;
    private final DoorTexts texts;
    private final ConnectionGoneNotice linkGone;
    private final Language language;

    DoorNotices(
            OrganizerNotifier notifier, DoorTexts texts, ConnectionGoneNotice linkGone, AdmissionProperties admission) {
        this.notifier = notifier;
        this.texts = texts;
        this.linkGone = linkGone;
        this.language = Language.fromTag(admission.organizerLanguage()).orElse(Language.EN);
    }

    Language language() {
        return language;
    }

    Mono<Void> admitted(Meeting meeting, Invitation invitation) {
        VerifiedIdentity identity = invitation.identity();
        String name = identity == null ? invitation.invitee().name() : identity.displayName();
        return tell(
                meeting,
                "admitted",
                Markdown.escape(meeting.title()),
                Markdown.escape(name),
                Markdown.escape(provider(identity)));
    }

    Mono<Void> duplicate(Meeting meeting, Invitation invitation) {
        return tell(meeting, "duplicate", Markdown.escape(meeting.title()), Markdown.escape(verifiedName(invitation)));
    }

    Mono<Void> withdrawn(Meeting meeting, Invitation invitation) {
        return tell(meeting, "withdrawn", Markdown.escape(meeting.title()), Markdown.escape(verifiedName(invitation)));
    }

    Mono<Void> contested(Meeting meeting, JoinLinkOpened link) {
        return tell(meeting, "contested", Markdown.escape(meeting.title()), Markdown.escape(link.displayName()));
    }

    Mono<Void> relink(Meeting meeting) {
        return tell(meeting, "relink", Markdown.escape(meeting.title()));
    }

    /** The host's Webex link is gone: told once per link, with a fresh login link, whichever meeting found it. */
    Mono<Void> linkGone(Meeting meeting) {
        return linkGone.tellOnce(meeting.organizer().personId(), meeting.title());
    }

    /** The card for someone GuestGate did not verify, with Admit anyway; {@code link} when they came by a join link. */
    Mono<Void> knocking(Meeting meeting, MeetingParticipant participant, JoinLinkOpened link) {
        String shownAs = Markdown.escape(shownAs(participant));
        String markdown = link == null
                ? texts.text(language, "stranger", Markdown.escape(meeting.title()), shownAs)
                : texts.text(
                        language,
                        "join-link",
                        Markdown.escape(meeting.title()),
                        shownAs,
                        Markdown.escape(link.displayName()),
                        Markdown.escape(link.provider()));
        return notifier.tellWithCard(
                        meeting.organizer().personId(), markdown, card(meeting, participant, link, markdown))
                .then();
    }

    private Map<String, Object> card(
            Meeting meeting, MeetingParticipant participant, JoinLinkOpened link, String markdown) {
        List<Map<String, Object>> facts = new ArrayList<>();
        facts.add(fact(text("card.meeting"), Markdown.escape(meeting.title())));
        facts.add(fact(text("card.shown-as"), Markdown.escape(shownAs(participant))));
        facts.add(fact(
                text("card.email"),
                participant.email() == null || participant.email().isBlank()
                        ? text("card.none")
                        : Markdown.escape(participant.email())));
        if (link != null) {
            facts.add(fact(text("card.link-of"), Markdown.escape(link.displayName())));
        }
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
                                text("card.heading"),
                                "weight",
                                "Bolder",
                                "size",
                                "Medium",
                                "wrap",
                                true),
                        Map.of("type", "TextBlock", "text", markdown, "wrap", true),
                        Map.of("type", "FactSet", "facts", facts),
                        Map.of(
                                "type",
                                "TextBlock",
                                "text",
                                text("card.not-verified"),
                                "isSubtle",
                                true,
                                "wrap",
                                true)));
        card.put(
                "actions",
                List.of(Map.of(
                        "type",
                        "Action.Submit",
                        "title",
                        text("card.admit"),
                        "data",
                        Map.of(
                                "action",
                                ACTION,
                                "meetingId",
                                meeting.id(),
                                "participantId",
                                participant.id(),
                                "lang",
                                language.tag()))));
        return card;
    }

    private Mono<Void> tell(Meeting meeting, String key, Object... args) {
        return notifier.tellQuietly(meeting.organizer().personId(), texts.text(language, key, args));
    }

    private String text(String key) {
        return texts.text(language, key);
    }

    static String shownAs(MeetingParticipant participant) {
        return participant.displayName() == null || participant.displayName().isBlank()
                ? "?"
                : participant.displayName();
    }

    private static String verifiedName(Invitation invitation) {
        return invitation.identity() == null
                ? invitation.invitee().name()
                : invitation.identity().displayName();
    }

    private static String provider(VerifiedIdentity identity) {
        return identity == null || identity.provider() == null ? "OpenID Connect" : identity.provider();
    }

    private static Map<String, Object> fact(String title, String value) {
        return Map.of("title", title, "value", value);
    }
}
