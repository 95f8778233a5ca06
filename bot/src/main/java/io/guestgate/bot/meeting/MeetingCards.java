package io.guestgate.bot.meeting;

import io.guestgate.bot.command.CardSubmission;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.i18n.TimeTexts;
import io.guestgate.domain.meeting.Meeting;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The bot's meeting cards (adaptive cards 1.3). The summary card shows title and time only: never the Webex link,
 * number or password, so a forwarded screenshot lets nobody in.
 */
@Component
public class MeetingCards {

    /** The card action that creates a meeting from the form. */
    public static final String CREATE_ACTION = "create-meeting";
    /** The card action of the summary card's "Add participants"; the invitations feature serves it. */
    public static final String ADD_PARTICIPANTS_ACTION = "add-participants";
    /** Inputs of the "Add participants" submission: GuestGate's meeting id and the participant list as text. */
    public static final String MEETING_ID_INPUT = "meetingId";

    public static final String PARTICIPANTS_INPUT = "participants";

    static final List<String> LENGTHS = List.of("30m", "45m", "1h", "1h30", "2h", "3h");

    private final BotMessages messages;
    private final TimeTexts times;

    MeetingCards(BotMessages messages, TimeTexts times) {
        this.messages = messages;
        this.times = times;
    }

    /** Title, time and an "Add participants" form; submitting it sends {@code add-participants}. */
    public Map<String, Object> summary(Language language, Meeting meeting) {
        Map<String, Object> addForm = card(
                List.of(Map.of(
                        "type",
                        "Input.Text",
                        "id",
                        PARTICIPANTS_INPUT,
                        "isMultiline",
                        true,
                        "placeholder",
                        text(language, "create.card.add.hint"))),
                List.of(submit(
                        language,
                        text(language, "create.card.add.submit"),
                        Map.of(CardSubmission.ACTION_INPUT, ADD_PARTICIPANTS_ACTION, MEETING_ID_INPUT, meeting.id()))));
        return card(
                List.of(
                        textBlock(text(language, "create.card.created"), Map.of("weight", "Bolder", "isSubtle", true)),
                        textBlock(meeting.title(), Map.of("size", "Large", "weight", "Bolder")),
                        textBlock(times.range(language, meeting), Map.of()),
                        textBlock(text(language, "create.card.note"), Map.of("size", "Small", "isSubtle", true))),
                List.of(Map.of(
                        "type", "Action.ShowCard", "title", text(language, "create.card.add"), "card", addForm)));
    }

    /** The form {@code create} without details sends: title, date, time, length. */
    /** The create form; its date and time are read in {@code zone}, the organizer's. */
    public Map<String, Object> createForm(Language language, LocalDate suggestedDate, ZoneId zone) {
        List<Object> choices = LENGTHS.stream()
                .map(length -> (Object) Map.of("title", length, "value", length))
                .toList();
        return card(
                List.of(
                        textBlock(text(language, "create.form.heading"), Map.of("weight", "Bolder", "size", "Medium")),
                        Map.of(
                                "type",
                                "Input.Text",
                                "id",
                                "title",
                                "label",
                                text(language, "create.form.title"),
                                "placeholder",
                                text(language, "create.form.title.placeholder"),
                                "maxLength",
                                128,
                                "isRequired",
                                true),
                        Map.of(
                                "type",
                                "Input.Date",
                                "id",
                                "date",
                                "label",
                                text(language, "create.form.date"),
                                "value",
                                suggestedDate.toString(),
                                "isRequired",
                                true),
                        Map.of(
                                "type",
                                "Input.Time",
                                "id",
                                "time",
                                "label",
                                text(language, "create.form.time", zone.getId()),
                                "value",
                                "10:00",
                                "isRequired",
                                true),
                        Map.of(
                                "type",
                                "Input.ChoiceSet",
                                "id",
                                "length",
                                "label",
                                text(language, "create.form.length"),
                                "choices",
                                choices,
                                "value",
                                "45m",
                                "isRequired",
                                true)),
                List.of(submit(
                        language,
                        text(language, "create.form.submit"),
                        Map.of(CardSubmission.ACTION_INPUT, CREATE_ACTION))));
    }

    private static Map<String, Object> card(List<Object> body, List<Object> actions) {
        return Map.of(
                "type",
                "AdaptiveCard",
                "version",
                "1.3",
                "$schema",
                "http://adaptivecards.io/schemas/adaptive-card.json",
                "body",
                body,
                "actions",
                actions);
    }

    private static Map<String, Object> textBlock(String text, Map<String, Object> style) {
        Map<String, Object> block =
                new java.util.LinkedHashMap<>(Map.of("type", "TextBlock", "text", text, "wrap", true));
        block.putAll(style);
        return block;
    }

    /** The submit data carries the action and the language, so the answer comes in the card's language. */
    private static Map<String, Object> submit(Language language, String title, Map<String, String> data) {
        Map<String, Object> withLanguage = new java.util.LinkedHashMap<>(data);
        withLanguage.put(CardSubmission.LANGUAGE_INPUT, language.tag());
        return Map.of("type", "Action.Submit", "title", title, "data", withLanguage);
    }

    private String text(Language language, String key, Object... args) {
        return messages.text(language, key, args);
    }
}
