package io.guestgate.bot.invite.ics;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.GuestMeeting;
import io.guestgate.bot.invite.content.InviteKind;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.invite.content.Text;
import io.guestgate.domain.invitation.Invitee;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.SentBy;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Builds one guest's iCalendar object (RFC 5545 / iTIP RFC 5546). Pure: the only input besides the arguments is the
 * clock for DTSTAMP. It sees a {@link GuestMeeting}, never the Webex details, so no Webex link, number or SIP address
 * can end up in a calendar.
 */
public final class IcsBuilder {

    static {
        // ical4j would otherwise fetch fresher zone definitions from the TZURL host on first use: a network call in
        // the middle of sending mail. The definitions shipped inside ical4j are current enough for invitations.
        System.getProperties().putIfAbsent("net.fortuna.ical4j.timezone.update.enabled", "false");
    }

    private static final String PRODUCT = "-//GuestGate//Invitations 1.0//EN";
    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    /** How long before the start an invitation reminds its guest, unless told otherwise. */
    public static final java.time.Duration DEFAULT_REMINDER = java.time.Duration.ofMinutes(15);

    private final Clock clock;
    private final String uidDomain;
    private final URI sentBy;
    private final java.time.Duration reminder;

    /**
     * @param uidDomain the host that makes UIDs globally unique, e.g. the public host name
     * @param sentBy    the address GuestGate mails from (ORGANIZER;SENT-BY), or null
     */
    public IcsBuilder(Clock clock, String uidDomain, String sentBy) {
        this(clock, uidDomain, sentBy, DEFAULT_REMINDER);
    }

    /** @param reminder how long before the start the guest's calendar reminds them (a VALARM); zero: none */
    public IcsBuilder(Clock clock, String uidDomain, String sentBy, java.time.Duration reminder) {
        if (reminder == null || reminder.isNegative()) {
            throw new IllegalArgumentException("A reminder is zero (none) or a time before the start");
        }
        this.reminder = reminder;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (uidDomain == null || !uidDomain.matches("[A-Za-z0-9.-]{1,253}")) {
            throw new IllegalArgumentException("A calendar UID domain is a host name, was: " + uidDomain);
        }
        this.uidDomain = uidDomain.toLowerCase(Locale.ROOT);
        this.sentBy = sentBy == null ? null : mailto(sentBy);
    }

    /** The UID all calendar objects of this meeting share, so every update and cancel replaces the same entry. */
    public String uid(GuestMeeting meeting) {
        return meeting.id() + "@" + uidDomain;
    }

    /**
     * @param purpose      decides the method: REQUEST for an invitation or update, CANCEL otherwise
     * @param personalLink the guest's link; required for a REQUEST, ignored for a CANCEL (the link is revoked)
     * @param language     which language comes first in the bilingual description
     */
    public String build(MailPurpose purpose, GuestMeeting meeting, Invitee guest, URI personalLink, Language language) {
        Objects.requireNonNull(purpose, "purpose");
        InviteKind kind = purpose.kind();
        Objects.requireNonNull(meeting, "meeting");
        Objects.requireNonNull(guest, "guest");
        Objects.requireNonNull(language, "language");
        if (kind == InviteKind.REQUEST && !purpose.toOrganizer() && personalLink == null) {
            throw new IllegalArgumentException("An invitation needs the guest's personal link");
        }
        Calendar calendar = new Calendar()
                .add(new ProdId(PRODUCT))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(kind == InviteKind.REQUEST ? ImmutableMethod.REQUEST : ImmutableMethod.CANCEL);
        TimeZone zone = definitionOf(meeting.timezone());
        if (zone != null) {
            calendar.add(zone.getVTimeZone());
        }
        calendar.add(event(purpose, meeting, guest, personalLink, language, zone != null));
        return write(calendar);
    }

    private VEvent event(
            MailPurpose purpose, GuestMeeting meeting, Invitee guest, URI link, Language language, boolean zoned) {
        VEvent event = new VEvent(false)
                .add(new Uid(uid(meeting)))
                .add(new Sequence(meeting.sequence()))
                .add(new DtStamp(clock.instant().truncatedTo(ChronoUnit.SECONDS)))
                .add(new DtStart<>(time(meeting.start(), meeting, zoned)))
                .add(new DtEnd<>(time(meeting.end(), meeting, zoned)))
                .add(new Summary(Text.singleLine(meeting.title())))
                .add(organizer(meeting))
                .add(purpose.toOrganizer() ? chair(guest) : attendee(guest));
        if (purpose == MailPurpose.ORGANIZER_COPY) {
            // The organizer's own entry: no guest link, and no other attendee that a calendar could write to.
            event.add(new Description(Descriptions.organizer(language))).add(ImmutableStatus.VEVENT_CONFIRMED);
            alarm(event, meeting);
        } else if (purpose.kind() == InviteKind.REQUEST) {
            event.add(new Url(link))
                    .add(new Location(link.toString()))
                    .add(new Description(Descriptions.request(link, language)))
                    .add(ImmutableStatus.VEVENT_CONFIRMED);
            alarm(event, meeting);
        } else {
            event.add(new Description(Descriptions.cancel(purpose, meeting, language)))
                    .add(ImmutableStatus.VEVENT_CANCELLED);
        }
        return event;
    }

    private void alarm(VEvent event, GuestMeeting meeting) {
        if (!reminder.isZero()) {
            VAlarm alarm = new VAlarm(reminder.negated());
            alarm.add((Property) ImmutableAction.DISPLAY);
            alarm.add((Property) new Description(Text.singleLine(meeting.title())));
            event.add(alarm);
        }
    }

    /** ical4j's definition of a named zone; null for fixed offsets and zones it does not know. */
    private static TimeZone definitionOf(ZoneId zone) {
        if (zone instanceof ZoneOffset) {
            return null;
        }
        try {
            return ZONES.getTimeZone(zone.getId());
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    private static Temporal time(Instant instant, GuestMeeting meeting, boolean zoned) {
        // With a VTIMEZONE the times are local wall-clock times with TZID; without one (an unknown zone), UTC.
        return zoned ? ZonedDateTime.ofInstant(instant, meeting.timezone()) : instant;
    }

    private Organizer organizer(GuestMeeting meeting) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Cn(parameterText(meeting.organizerName())));
        if (sentBy != null) {
            parameters.add(new SentBy(sentBy));
        }
        return new Organizer(new ParameterList(parameters), mailto(meeting.organizerEmail()));
    }

    /** The organizer in their own entry: the chair, who has accepted and is asked for no answer. */
    private static Attendee chair(Invitee organizer) {
        List<Parameter> parameters = List.of(
                new Cn(parameterText(organizer.name())), CuType.INDIVIDUAL, Role.CHAIR, PartStat.ACCEPTED, Rsvp.FALSE);
        return new Attendee(new ParameterList(parameters), mailto(organizer.email()));
    }

    private static Attendee attendee(Invitee guest) {
        List<Parameter> parameters = List.of(
                new Cn(parameterText(guest.name())),
                CuType.INDIVIDUAL,
                Role.REQ_PARTICIPANT,
                PartStat.NEEDS_ACTION,
                Rsvp.TRUE);
        return new Attendee(new ParameterList(parameters), mailto(guest.email()));
    }

    /**
     * A parameter value may be quoted but cannot contain a double quote at all (RFC 5545 3.2), so those become
     * apostrophes; ';', ',' and ':' are safe because ical4j quotes values that carry them.
     */
    static String parameterText(String value) {
        return Text.singleLine(value).replace('"', '\'');
    }

    private static URI mailto(String address) {
        try {
            return new URI("mailto", Text.singleLine(address), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a mail address: " + address, e);
        }
    }

    private static String write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("Could not write the calendar object", e);
        }
        return Folding.refold(out.toString());
    }
}
