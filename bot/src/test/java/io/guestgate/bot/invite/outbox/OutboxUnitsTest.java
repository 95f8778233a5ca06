package io.guestgate.bot.invite.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.platform.settings.InvalidPropertiesException;
import io.guestgate.platform.settings.Violation;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/** The outbox's pure parts: backoff, entry fields, failure sorting and the organizer's report. */
class OutboxUnitsTest {

    private static OutboxProperties properties(String initial, String max) {
        return new OutboxProperties(
                true,
                "mailers",
                null,
                4,
                Duration.ofSeconds(2),
                8,
                Duration.parse(initial),
                Duration.parse(max),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                10_000,
                Duration.ofDays(7));
    }

    @Test
    void backoffDoublesPerAttemptUpToTheCapWithJitterInTheUpperHalf() {
        OutboxProperties outbox = properties("PT15S", "PT10M");

        assertThat(outbox.backoffBefore(2, 1.0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(outbox.backoffBefore(2, 0.0)).isEqualTo(Duration.ofMillis(7_500));
        assertThat(outbox.backoffBefore(3, 1.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(outbox.backoffBefore(5, 1.0)).isEqualTo(Duration.ofSeconds(120));
        assertThat(outbox.backoffBefore(9, 1.0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(outbox.backoffBefore(60, 0.5))
                .isEqualTo(Duration.ofMinutes(10).multipliedBy(3).dividedBy(4));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new OutboxProperties(
                        true,
                        "bad group!",
                        null,
                        4,
                        Duration.ofSeconds(2),
                        8,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        10,
                        Duration.ofDays(1)))
                .hasMessageContaining("guestgate.outbox.group");
        assertThatThrownBy(() -> new OutboxProperties(
                        true,
                        "mailers",
                        null,
                        0,
                        Duration.ofSeconds(2),
                        8,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        10,
                        Duration.ofDays(1)))
                .hasMessageContaining("guestgate.outbox.concurrency");
        assertThatThrownBy(() -> new OutboxProperties(
                        true,
                        "mailers",
                        null,
                        4,
                        Duration.ZERO,
                        8,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        10,
                        Duration.ofDays(1)))
                .hasMessageContaining("guestgate.outbox.poll-timeout");
    }

    @Test
    void namesEveryBrokenRuleAtOnce() {
        assertThatThrownBy(() -> new OutboxProperties(
                        true,
                        "bad group!",
                        "bad name!",
                        0,
                        Duration.ZERO,
                        101,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(-1),
                        10,
                        Duration.ofDays(1)))
                .isInstanceOfSatisfying(
                        InvalidPropertiesException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::property)
                                .containsExactly(
                                        "guestgate.outbox.group", "guestgate.outbox.consumer-name",
                                        "guestgate.outbox.concurrency", "guestgate.outbox.max-attempts",
                                        "guestgate.outbox.poll-timeout", "guestgate.outbox.shutdown-timeout"));
    }

    @Test
    void entriesRoundTripThroughStreamFieldsAndCarryNoContent() {
        OutboxEntry entry = new OutboxEntry("m1abc-x2y3z", "m1abc", MailPurpose.UPDATE, Language.DE, "b4tch", 2);

        Map<String, String> fields = entry.fields();

        assertThat(fields).containsOnlyKeys("invitation", "meeting", "purpose", "language", "batch", "attempt");
        assertThat(OutboxEntry.of(fields)).isEqualTo(entry);
        assertThat(entry.nextAttempt().attempt()).isEqualTo(3);
    }

    @Test
    void malformedEntriesAreRecognised() {
        Map<String, String> fields = new LinkedHashMap<>(
                new OutboxEntry("m1abc-x2y3z", "m1abc", MailPurpose.INVITE, Language.EN, "b4tch", 1).fields());
        fields.put("meeting", "other");
        assertThat(OutboxStream.Pending.parse("1-0", fields, 1).entry()).isNull();
        fields.remove("meeting");
        assertThat(OutboxStream.Pending.parse("1-0", fields, 1).entry()).isNull();
        assertThat(OutboxStream.Pending.parse("1-0", Map.of("purpose", "SPAM"), 1)
                        .entry())
                .isNull();
    }

    @Test
    void aPermanentRefusalOfTheAddressIsNotRetried() throws Exception {
        InternetAddress anna = new InternetAddress("anna@guest.example");
        SendFailedException refused = new SendFailedException(
                "550 no such user", null, new InternetAddress[0], new InternetAddress[0], new InternetAddress[] {anna});
        SendFailedException deferred = new SendFailedException(
                "451 try later", null, new InternetAddress[0], new InternetAddress[] {anna}, new InternetAddress[0]);

        assertThat(SendFailures.classify(new MailSendException(Map.of(new Object(), refused))))
                .isEqualTo(new SendOutcome.Failed("rejected", true));
        assertThat(SendFailures.classify(new MailSendException(Map.of(new Object(), deferred))))
                .isEqualTo(new SendOutcome.Failed("unavailable", false));
        assertThat(SendFailures.classify(new MailSendException("Mail server connection failed")))
                .isEqualTo(new SendOutcome.Failed("unavailable", false));
        assertThat(SendFailures.classify(new MailAuthenticationException("535")))
                .isEqualTo(new SendOutcome.Failed("unavailable", false));
        assertThat(SendFailures.classify(new MailPreparationException("bad")))
                .isEqualTo(new SendOutcome.Failed("other", true));
        assertThat(SendFailures.classify(new IllegalStateException("Redis")))
                .isEqualTo(new SendOutcome.Failed("other", false));
    }

    @Test
    void reportsSayHowManyWentOutAndWhatFailed() {
        Map<String, String> batch = Map.of("language", "EN", "purpose", "INVITE", "title", "Q3 *review*");

        assertThat(BatchReports.text(batch, List.of(), new OutboxStream.BatchState(3, 3, 0, 0, true)))
                .isEqualTo("3 invitations sent for \"Q3 \\*review\\*\".");
        assertThat(BatchReports.text(batch, List.of(), new OutboxStream.BatchState(1, 1, 0, 0, true)))
                .isEqualTo("1 invitation sent for \"Q3 \\*review\\*\".");
        assertThat(BatchReports.text(
                        batch,
                        List.of(BatchReports.failureLine("bob_b@x.example", "rejected")),
                        new OutboxStream.BatchState(3, 2, 1, 0, true)))
                .isEqualTo("2 sent, 1 failed for \"Q3 \\*review\\*\": bob\\_b@x.example (address rejected by the "
                        + "mail server)");
        assertThat(BatchReports.text(
                        batch,
                        List.of(BatchReports.failureLine("a@x.example", "unavailable")),
                        new OutboxStream.BatchState(2, 0, 1, 1, true)))
                .isEqualTo("Could not send 1 invitation for \"Q3 \\*review\\*\": a@x.example (mail server "
                        + "unreachable) (1 no longer needed.)");
        assertThat(BatchReports.text(batch, List.of(), new OutboxStream.BatchState(1, 0, 0, 1, true)))
                .isNull();
    }

    @Test
    void theOrganizersOwnEntryIsReportedOnlyWhenItCouldNotBeSent() {
        Map<String, String> copy = Map.of("language", "EN", "purpose", "ORGANIZER_COPY", "title", "Q3 *review*");
        Map<String, String> cancel = Map.of("language", "DE", "purpose", "ORGANIZER_CANCEL", "title", "Offsite");

        assertThat(BatchReports.text(copy, List.of(), new OutboxStream.BatchState(1, 1, 0, 0, true)))
                .isNull();
        assertThat(BatchReports.text(cancel, List.of(), new OutboxStream.BatchState(1, 1, 0, 0, true)))
                .isNull();
        assertThat(BatchReports.text(
                        copy,
                        List.of(BatchReports.failureLine("olivia@example.com", "rejected")),
                        new OutboxStream.BatchState(1, 0, 1, 0, true)))
                .isEqualTo("Your own calendar entry for \"Q3 \\*review\\*\" could not be sent: olivia@example.com "
                        + "(address rejected by the mail server)");
        assertThat(BatchReports.text(
                        cancel,
                        List.of(BatchReports.failureLine("olivia@example.com", "unavailable")),
                        new OutboxStream.BatchState(1, 0, 1, 0, true)))
                .isEqualTo("Ihr eigener Kalendereintrag für „Offsite“ konnte nicht gesendet werden: olivia@example.com "
                        + "(Mailserver nicht erreichbar)");
    }

    @Test
    void reportsInGerman() {
        Map<String, String> batch = Map.of("language", "DE", "purpose", "CANCEL", "title", "Offsite");

        assertThat(BatchReports.text(batch, List.of(), new OutboxStream.BatchState(2, 2, 0, 0, true)))
                .isEqualTo("2 Absagen für „Offsite“ gesendet.");
        assertThat(BatchReports.text(
                        batch,
                        List.of(BatchReports.failureLine("c@x.example", "unavailable")),
                        new OutboxStream.BatchState(3, 2, 1, 0, true)))
                .isEqualTo("2 gesendet, 1 fehlgeschlagen für „Offsite“: c@x.example (Mailserver nicht erreichbar)");
    }
}
