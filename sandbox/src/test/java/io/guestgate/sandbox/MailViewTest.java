package io.guestgate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** How the mailbox reads a mail: text, links from text and HTML, the calendar part, other attachments. */
class MailViewTest {

    private static final String INVITATION = """
            From: GuestGate <no-reply@localhost>
            To: =?UTF-8?Q?Anna_M=C3=BCller?= <anna@example.test>
            Subject: =?UTF-8?Q?Einladung:_Q3-Review?=
            Date: Sun, 29 Nov 2026 10:00:00 +0000
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: quoted-printable

            Hallo Anna M=C3=BCller, Ihr Link: http://localhost:8080/join/tok=
            en123
            --inner
            Content-Type: text/html; charset=UTF-8

            <p>Hallo <b>Anna</b>, <a href="http://localhost:8080/join/token123?x=1&amp;y=2">beitreten</a>
            <a href="javascript:alert(1)">nein</a></p>
            --inner
            Content-Type: text/calendar; method=REQUEST; charset=UTF-8

            BEGIN:VCALENDAR
            METHOD:REQUEST
            END:VCALENDAR
            --inner--
            --outer
            Content-Type: application/ics; name="invite.ics"
            Content-Disposition: attachment; filename="invite.ics"

            BEGIN:VCALENDAR
            METHOD:REQUEST
            END:VCALENDAR
            --outer--
            """.replace("\n", "\r\n");

    @Test
    void readsTextLinksCalendarAndAttachmentsOfAnInvitation() throws Exception {
        MailView view = MailView.of(3, parse(INVITATION));

        assertThat(view.number()).isEqualTo(3);
        assertThat(view.subject()).isEqualTo("Einladung: Q3-Review");
        assertThat(view.from()).isEqualTo("GuestGate <no-reply@localhost>");
        assertThat(view.to()).containsExactly("Anna Müller <anna@example.test>");
        assertThat(view.text()).contains("Hallo Anna Müller").contains("http://localhost:8080/join/token123");
        assertThat(view.links())
                .containsExactly("http://localhost:8080/join/token123", "http://localhost:8080/join/token123?x=1&y=2");
        assertThat(view.calendar()).contains("METHOD:REQUEST");
        assertThat(view.attachments()).containsExactly("invite.ics (application/ics)");
        assertThat(view.received()).isNotNull();
    }

    @Test
    void showsAnHtmlOnlyMailAsTextWithoutItsMarkup() throws Exception {
        MailView view = MailView.of(1, parse("""
                From: a@example.test
                To: b@example.test
                Subject: html
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <p>Tom &amp; Jerry <script>x()</script><a href="https://example.test/a">a</a></p>
                """.replace("\n", "\r\n")));

        assertThat(view.text()).doesNotContain("<p>").doesNotContain("<a").contains("Tom & Jerry");
        assertThat(view.links()).containsExactly("https://example.test/a");
        assertThat(view.calendar()).isNull();
    }

    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }
}
