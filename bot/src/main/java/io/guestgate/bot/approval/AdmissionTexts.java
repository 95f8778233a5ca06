package io.guestgate.bot.approval;

import io.guestgate.bot.i18n.Language;
import java.text.MessageFormat;
import java.util.Map;

/**
 * The admission handler's answers in German and English. Kept beside the handler: they belong to this one feature,
 * and the shared bundle stays the bot's own. MessageFormat patterns: {@code ''} is an apostrophe.
 */
final class AdmissionTexts {

    private static final Map<String, String> EN = Map.of(
            "admitted", "✅ You admitted **{0}**. They are joining now.",
            "denied", "⛔ You denied **{0}**. They were told that you did not admit them.",
            "already-admitted", "You already admitted **{0}**.",
            "already-denied", "You already denied **{0}**.",
            "timed-out", "⌛ Too late: **{0}** waited, nobody answered in time, and they were told so.",
            "not-organizer", "Only the meeting''s organizer can admit or deny guests.",
            "unknown", "This request is no longer known. The guest can open their link again.",
            "invalid", "This card could not be read. Please use the Admit or Deny button on the card.");

    private static final Map<String, String> DE = Map.of(
            "admitted", "✅ Sie haben **{0}** zugelassen. Die Person tritt jetzt bei.",
            "denied",
                    "⛔ Sie haben **{0}** abgelehnt. Die Person wurde informiert, dass Sie sie nicht zugelassen haben.",
            "already-admitted", "Sie haben **{0}** bereits zugelassen.",
            "already-denied", "Sie haben **{0}** bereits abgelehnt.",
            "timed-out",
                    "⌛ Zu spät: **{0}** hat gewartet, niemand hat rechtzeitig geantwortet, und die Person wurde "
                            + "informiert.",
            "not-organizer",
                    "Nur die Organisatorin bzw. der Organisator des Meetings kann Gäste zulassen oder ablehnen.",
            "unknown", "Diese Anfrage ist nicht mehr bekannt. Der Gast kann seinen Link noch einmal öffnen.",
            "invalid",
                    "Diese Karte konnte nicht gelesen werden. Bitte verwenden Sie die Schaltfläche Zulassen oder "
                            + "Ablehnen auf der Karte.");

    private AdmissionTexts() {}

    static String text(Language language, String key, Object... args) {
        String pattern = (language == Language.DE ? DE : EN).get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no admission text " + key);
        }
        return new MessageFormat(pattern, language.locale()).format(args);
    }
}
