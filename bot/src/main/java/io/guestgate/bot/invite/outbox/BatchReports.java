package io.guestgate.bot.invite.outbox;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.InviteMessages;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.platform.webex.OrganizerNotifier;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The one chat message an organizer gets once every mail of a batch is settled: "3 invitations sent". */
final class BatchReports {

    private final OutboxStream stream;
    private final OrganizerNotifier notifier;

    BatchReports(OutboxStream stream, OrganizerNotifier notifier) {
        this.stream = stream;
        this.notifier = notifier;
    }

    Mono<Void> report(String batchId, OutboxStream.BatchState state) {
        return stream.batch(batchId)
                .zipWith(stream.failures(batchId).collectList())
                .flatMap(batch -> {
                    String text = text(batch.getT1(), batch.getT2(), state);
                    String organizer = batch.getT1().get("organizer");
                    return text == null || organizer == null
                            ? Mono.<Void>empty()
                            : notifier.tellQuietly(organizer, text);
                });
    }

    /** The report's markdown, or null when there is nothing to say (every mail became unnecessary). */
    static String text(Map<String, String> batch, List<String> failureLines, OutboxStream.BatchState state) {
        Language language =
                Language.fromTag(batch.getOrDefault("language", "en")).orElse(Language.EN);
        MailPurpose purpose = parsePurpose(batch.get("purpose"));
        String title = Markdown.escape(batch.getOrDefault("title", ""));
        String nounKey = "report.kind." + purpose.key();
        String failures = String.join(
                "; ",
                failureLines.stream().map(line -> failureText(language, line)).toList());
        if (purpose.toOrganizer()) {
            // The organizer's own entry: nothing to say when it arrived; a word when it did not.
            return state.failed() == 0
                    ? null
                    : InviteMessages.get(language, "report.organizer.failed", title, failures);
        }
        String text;
        if (state.failed() == 0) {
            if (state.sent() == 0) {
                return null;
            }
            text = InviteMessages.get(
                    language, "report.sent", state.sent(), InviteMessages.get(language, nounKey, state.sent()), title);
        } else {
            text = state.sent() == 0
                    ? InviteMessages.get(
                            language,
                            "report.failed",
                            state.failed() + " " + InviteMessages.get(language, nounKey, state.failed()),
                            title,
                            failures)
                    : InviteMessages.get(language, "report.partly", state.sent(), state.failed(), title, failures);
        }
        if (state.skipped() > 0) {
            text += " " + InviteMessages.get(language, "report.skipped", state.skipped());
        }
        return text;
    }

    /** A stored failure line is {@code <address> <reason code>}; the address is escaped, the reason localised. */
    static String failureLine(String recipient, String reason) {
        return (recipient == null || recipient.isBlank() ? "?" : recipient) + " " + reason;
    }

    private static String failureText(Language language, String line) {
        int space = line.lastIndexOf(' ');
        String recipient = space < 0 ? line : line.substring(0, space);
        String reason = space < 0 ? SendFailures.OTHER : line.substring(space + 1);
        String key = switch (reason) {
            case SendFailures.UNAVAILABLE, SendFailures.REJECTED, SendFailures.OTHER -> "failure." + reason;
            default -> "failure.other";
        };
        return Markdown.escape(recipient) + " (" + InviteMessages.get(language, key) + ")";
    }

    private static MailPurpose parsePurpose(String name) {
        try {
            return MailPurpose.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return MailPurpose.INVITE;
        }
    }
}
