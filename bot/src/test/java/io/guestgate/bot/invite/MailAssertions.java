package io.guestgate.bot.invite;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** Reads the calendar out of a received guest mail and checks what no guest mail may carry. */
public final class MailAssertions {

    private MailAssertions() {}

    public static Calendar calendarOf(MimeMessage message) throws Exception {
        String ics = RawMail.text(RawMail.leafOfType(message, "text/calendar"));
        return new CalendarBuilder().build(new StringReader(ics));
    }

    public static VEvent eventOf(MimeMessage message) throws Exception {
        List<VEvent> events = calendarOf(message).getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    public static String property(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    public static String method(MimeMessage message) throws Exception {
        return calendarOf(message).getProperty("METHOD").map(Property::getValue).orElse(null);
    }

    /** The personal link in the calendar's URL property. */
    public static URI personalLink(MimeMessage message) throws Exception {
        return URI.create(property(eventOf(message), "URL"));
    }

    /** The link token: the last path segment of the personal link. */
    public static String linkToken(MimeMessage message) throws Exception {
        String path = personalLink(message).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Scans the whole raw mail, and every part decoded, for the Webex details a guest must never get. */
    public static void carriesNoWebexDetail(MimeMessage message) throws Exception {
        StringBuilder everything = new StringBuilder(RawMail.whole(message));
        for (BodyPart part : RawMail.leaves(message)) {
            everything.append('\n').append(RawMail.text(part));
        }
        String all = everything.toString().replace("\r\n ", "");
        assertThat(all)
                .doesNotContain(
                        Fixtures.WEBEX_LINK,
                        Fixtures.MEETING_NUMBER,
                        Fixtures.SIP_ADDRESS,
                        Fixtures.PASSWORD,
                        "webex.com",
                        "j.php");
    }

    public static String recipient(MimeMessage message) throws Exception {
        return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
    }
}
