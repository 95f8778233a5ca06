package io.guestgate.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.bot.command.Command.AddParticipants;
import io.guestgate.bot.command.Command.CancelMeeting;
import io.guestgate.bot.command.Command.CreateMeeting;
import io.guestgate.bot.command.Command.CreateMeetingForm;
import io.guestgate.bot.command.Command.Help;
import io.guestgate.bot.command.Command.Invalid;
import io.guestgate.bot.command.Command.ListMeetings;
import io.guestgate.bot.command.Command.Login;
import io.guestgate.bot.command.Command.Logout;
import io.guestgate.bot.command.Command.MoveMeeting;
import io.guestgate.bot.command.Command.Participant;
import io.guestgate.bot.command.Command.RemoveParticipant;
import io.guestgate.bot.command.Command.RenameMeeting;
import io.guestgate.bot.command.Command.ResendInvitation;
import io.guestgate.bot.command.Command.SetGuestLanguage;
import io.guestgate.bot.command.Command.ShowMeeting;
import io.guestgate.bot.command.Command.Status;
import io.guestgate.bot.command.Command.Unknown;
import io.guestgate.bot.command.MeetingRef.ListNumber;
import io.guestgate.bot.command.MeetingRef.MeetingNumber;
import io.guestgate.bot.i18n.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Chat text in, command out: one row per case, German and English. "Now" is Sunday 2026-11-29 09:00 in Vienna. */
class CommandParserTest {

    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    static final Instant NOW =
            ZonedDateTime.of(2026, 11, 29, 9, 0, 0, 0, VIENNA).toInstant();
    static final Language EN = Language.EN;
    static final Language DE = Language.DE;
    private static final Verb CREATE = Command.Create.VERB;
    private static final Verb SHOW = ShowMeeting.VERB;
    private static final Verb ADD = AddParticipants.VERB;
    private static final Verb REMOVE = RemoveParticipant.VERB;
    private static final Verb MOVE = MoveMeeting.VERB;
    private static final Verb RENAME = RenameMeeting.VERB;
    private static final Verb LANG = SetGuestLanguage.VERB;
    private static final Verb RESEND = ResendInvitation.VERB;
    private static final Verb CANCEL = CancelMeeting.VERB;

    private final CommandParser parser = new CommandParser(Clock.fixed(NOW, VIENNA), VIENNA, EN);

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void parses(String text, Command expected) {
        assertThat(parser.parse(text)).isEqualTo(expected);
    }

    @Test
    void readsTheCreateFormLikeTheTextCommand() {
        assertThat(parser.createFromForm(DE, "@home party\nQ3", "2026-12-01", "10:00", "45m"))
                .isEqualTo(create(DE, "@home party Q3", at(2026, 12, 1, 10, 0), 45));
        assertThat(parser.createFromForm(EN, "Q3", "2026-12-01", "10:00", "11:30"))
                .isEqualTo(create(EN, "Q3", at(2026, 12, 1, 10, 0), 90));
        assertThat(parser.createFromForm(EN, "Q3", "", "", "45m"))
                .isEqualTo(invalid(EN, CREATE, Problem.START_UNREADABLE, ""));
        assertThat(parser.createFromForm(EN, "Q3", "2026-11-28", "10:00", "45m"))
                .isEqualTo(invalid(EN, CREATE, Problem.START_NOT_IN_FUTURE, "2026-11-28 10:00"));
        assertThat(parser.createFromForm(DE, "Q3", "2026-12-01", "10:00", "5m"))
                .isEqualTo(invalid(DE, CREATE, Problem.LENGTH_TOO_SHORT, "5m"));
    }

    @Test
    void readsParticipantListsFromCards() {
        assertThat(parser.participants(DE, "Anna Müller <anna@example.com>\nbob@example.org"))
                .isEqualTo(new AddParticipants(
                        DE,
                        List.of(person("Anna Müller", "anna@example.com"), person(null, "bob@example.org")),
                        Optional.empty()));
        assertThat(parser.participants(EN, " ")).isEqualTo(invalid(EN, ADD, Problem.PARTICIPANTS_MISSING, ""));
        assertThat(parser.participants(EN, "Anna <anna@>")).isEqualTo(invalid(EN, ADD, Problem.EMAIL_INVALID, "anna@"));
    }

    static Stream<Arguments> cases() {
        String title128 = "a".repeat(128);
        String emoji128 = "🎉".repeat(128);
        return Stream.of(
                // keywords and languages
                row("help", new Help(EN)),
                row("hilfe", new Help(DE)),
                row("HELP", new Help(EN)),
                row("", new Help(EN)),
                row("   ", new Help(EN)),
                row("login", new Login(EN)),
                row("anmelden", new Login(DE)),
                row("logout", new Logout(EN)),
                row("abmelden", new Logout(DE)),
                row("status", new Status(EN)),
                row("list", new ListMeetings(EN)),
                row("liste", new ListMeetings(DE)),
                row("/create", new CreateMeetingForm(EN)),
                row("create", new CreateMeetingForm(EN)),
                row("erstellen", new CreateMeetingForm(DE)),
                row("hello there", new Unknown(EN, "hello")),
                row("hallo", new Unknown(EN, "hallo")),
                // leading @mentions
                row("@GuestGate create", new CreateMeetingForm(EN)),
                row("@GuestGate @Someone hilfe", new Help(DE)),
                row(
                        "@GuestGate   create Q3 review | 2026-12-01 10:00 | 45m",
                        create(EN, "Q3 review", at(2026, 12, 1, 10, 0), 45)),
                row("@GuestGate", new Help(EN)),
                // each start form
                row("create Q3 review | 2026-12-01T10:00 | 45m", create(EN, "Q3 review", at(2026, 12, 1, 10, 0), 45)),
                row("create Q3 review | 2026-12-01 10:00 | 1h30", create(EN, "Q3 review", at(2026, 12, 1, 10, 0), 90)),
                row(
                        "erstellen Q3-Review | 01.12.2026 10:00 | 90 min",
                        create(DE, "Q3-Review", at(2026, 12, 1, 10, 0), 90)),
                row("create Standup | tomorrow 10:00 | 45m", create(EN, "Standup", at(2026, 11, 30, 10, 0), 45)),
                row("erstellen Standup | morgen 10:00 | 11:30", create(DE, "Standup", at(2026, 11, 30, 10, 0), 90)),
                row("erstellen Standup | heute 09:30 | 30 Minuten", create(DE, "Standup", at(2026, 11, 29, 9, 30), 30)),
                row("erstellen Termin | 1.12.2026 9.05 Uhr | 1,5h", create(DE, "Termin", at(2026, 12, 1, 9, 5), 90)),
                row("CREATE Sync | 2026-12-01 10:00 | 1h 30m", create(EN, "Sync", at(2026, 12, 1, 10, 0), 90)),
                row("create Sync | 2026-12-01 10:00 | until 12:15", create(EN, "Sync", at(2026, 12, 1, 10, 0), 135)),
                row(
                        "create Sync | 2026-12-01 10:00 | 2026-12-01 11:00",
                        create(EN, "Sync", at(2026, 12, 1, 10, 0), 60)),
                // dates as people write them: weekdays, "in 2 hours", noon; "Now" is Sunday 09:00
                row("erstellen Sync | Montag 10:00 | 30m", create(DE, "Sync", at(2026, 11, 30, 10, 0), 30)),
                row("create Sync | next Friday 14:00 | 1h", create(EN, "Sync", at(2026, 12, 4, 14, 0), 60)),
                row("create Sync | Fr 9:30 | 30m", create(EN, "Sync", at(2026, 12, 4, 9, 30), 30)),
                row(
                        "erstellen Sync | nächsten Dienstag 8.15 Uhr | 30m",
                        create(DE, "Sync", at(2026, 12, 1, 8, 15), 30)),
                row("create Sync | Sunday 10:00 | 30m", create(EN, "Sync", at(2026, 11, 29, 10, 0), 30)),
                row("create Sync | sunday 08:00 | 30m", create(EN, "Sync", at(2026, 12, 6, 8, 0), 30)),
                row("create Sync | in 2 hours | 30m", create(EN, "Sync", at(2026, 11, 29, 11, 0), 30)),
                row("erstellen Sync | in 90 Minuten | 30m", create(DE, "Sync", at(2026, 11, 29, 10, 30), 30)),
                row("erstellen Sync | in 1 Stunde | 30m", create(DE, "Sync", at(2026, 11, 29, 10, 0), 30)),
                row("create Lunch | tomorrow noon | 1h", create(EN, "Lunch", at(2026, 11, 30, 12, 0), 60)),
                row(
                        "erstellen Mittagessen | morgen Mittag | 1h",
                        create(DE, "Mittagessen", at(2026, 11, 30, 12, 0), 60)),
                row("create Lunch | Friday noon | 1h", create(EN, "Lunch", at(2026, 12, 4, 12, 0), 60)),
                row(
                        "create X | yesterday 10:00 | 45m",
                        invalid(EN, CREATE, Problem.START_NOT_IN_FUTURE, "yesterday 10:00")),
                row(
                        "erstellen X | gestern 10:00 | 45m",
                        invalid(DE, CREATE, Problem.START_NOT_IN_FUTURE, "gestern 10:00")),
                // invalid dates and times
                row("create X | 31.02.2027 10:00 | 45m", invalid(EN, CREATE, Problem.DATE_INVALID, "31.02.2027")),
                row("erstellen X | 2026-13-01 10:00 | 45m", invalid(DE, CREATE, Problem.DATE_INVALID, "01.13.2026")),
                row("create X | 2026-12-01 25:00 | 45m", invalid(EN, CREATE, Problem.TIME_INVALID, "25:00")),
                row(
                        "create X | 2027-03-28 02:30 | 45m",
                        invalid(EN, CREATE, Problem.START_IN_CLOCK_CHANGE, "2027-03-28 02:30")),
                row("create X | next week | 45m", invalid(EN, CREATE, Problem.START_UNREADABLE, "next week")),
                row("create X |  | 45m", invalid(EN, CREATE, Problem.START_UNREADABLE, "")),
                row(
                        "create X | 2026-11-28 10:00 | 45m",
                        invalid(EN, CREATE, Problem.START_NOT_IN_FUTURE, "2026-11-28 10:00")),
                row("erstellen X | heute 09:00 | 45m", invalid(DE, CREATE, Problem.START_NOT_IN_FUTURE, "heute 09:00")),
                // end before start, lengths at and beyond the limits
                row("create X | 2026-12-01 10:00 | 09:30", invalid(EN, CREATE, Problem.END_NOT_AFTER_START, "09:30")),
                row(
                        "erstellen X | 01.12.2026 10:00 | 10:00",
                        invalid(DE, CREATE, Problem.END_NOT_AFTER_START, "10:00")),
                row("create X | 2026-12-01 10:00 | 5m", invalid(EN, CREATE, Problem.LENGTH_TOO_SHORT, "5m")),
                row(
                        "erstellen X | 01.12.2026 10:00 | 5 Minuten",
                        invalid(DE, CREATE, Problem.LENGTH_TOO_SHORT, "5 Minuten")),
                row("create X | 2026-12-01 10:00 | 10:05", invalid(EN, CREATE, Problem.LENGTH_TOO_SHORT, "10:05")),
                row("create X | 2026-12-01 10:00 | 25h", invalid(EN, CREATE, Problem.LENGTH_TOO_LONG, "25h")),
                row(
                        "erstellen X | 01.12.2026 10:00 | 25 Stunden",
                        invalid(DE, CREATE, Problem.LENGTH_TOO_LONG, "25 Stunden")),
                row("create X | 2026-12-01 10:00 | 10m", create(EN, "X", at(2026, 12, 1, 10, 0), 10)),
                row("create X | 2026-12-01 00:00 | 23h59", create(EN, "X", at(2026, 12, 1, 0, 0), 23 * 60 + 59)),
                row("create X | 2026-12-01 10:00 | soon", invalid(EN, CREATE, Problem.LENGTH_UNREADABLE, "soon")),
                row("create X | 2026-12-01 10:00 | 90", invalid(EN, CREATE, Problem.LENGTH_UNREADABLE, "90")),
                // titles: containing '|', emoji, 128 and 129 characters, empty
                row(
                        "create Sales | Marketing sync | 2026-12-01 10:00 | 45m",
                        create(EN, "Sales | Marketing sync", at(2026, 12, 1, 10, 0), 45)),
                row("create || 2026-12-01 10:00 | 45m", create(EN, "|", at(2026, 12, 1, 10, 0), 45)),
                row(
                        "create 🎉 Launch party 🚀 | 2026-12-01 18:00 | 2h",
                        create(EN, "🎉 Launch party 🚀", at(2026, 12, 1, 18, 0), 120)),
                row(
                        "create " + title128 + " | 2026-12-01 10:00 | 45m",
                        create(EN, title128, at(2026, 12, 1, 10, 0), 45)),
                row(
                        "create " + emoji128 + " | 2026-12-01 10:00 | 45m",
                        create(EN, emoji128, at(2026, 12, 1, 10, 0), 45)),
                row(
                        "create " + title128 + "b | 2026-12-01 10:00 | 45m",
                        invalid(EN, CREATE, Problem.TITLE_TOO_LONG, "129")),
                row(
                        "erstellen " + emoji128 + "🎉 | 01.12.2026 10:00 | 45m",
                        invalid(DE, CREATE, Problem.TITLE_TOO_LONG, "129")),
                row("create  | 2026-12-01 10:00 | 45m", invalid(EN, CREATE, Problem.TITLE_EMPTY, "")),
                row("create Q3 review", invalid(EN, CREATE, Problem.CREATE_NEEDS_THREE_PARTS, "")),
                row("erstellen Q3 | morgen 10:00", invalid(DE, CREATE, Problem.CREATE_NEEDS_THREE_PARTS, "")),
                // meeting references
                row("show 2", new ShowMeeting(EN, new ListNumber(2))),
                row("zeige #3", new ShowMeeting(DE, new ListNumber(3))),
                row("show 2345 678 901", new ShowMeeting(EN, new MeetingNumber("2345678901"))),
                row("zeig 2345-678-901", new ShowMeeting(DE, new MeetingNumber("2345678901"))),
                row("show", invalid(EN, SHOW, Problem.REFERENCE_MISSING, "")),
                row("show Q3 review", invalid(EN, SHOW, Problem.REFERENCE_INVALID, "Q3 review")),
                row("zeige 0", invalid(DE, SHOW, Problem.REFERENCE_INVALID, "0")),
                row("show 12345", invalid(EN, SHOW, Problem.REFERENCE_INVALID, "12345")),
                // participants (issue 6 syntax)
                row(
                        "add Anna Müller <anna@example.com>, bob@example.org to 2",
                        new AddParticipants(
                                EN,
                                List.of(person("Anna Müller", "anna@example.com"), person(null, "bob@example.org")),
                                Optional.of(new ListNumber(2)))),
                row(
                        "hinzufügen anna@example.com",
                        new AddParticipants(DE, List.of(person(null, "anna@example.com")), Optional.empty())),
                row(
                        "hinzufuegen Anna <anna@example.com> zu 1",
                        new AddParticipants(
                                DE, List.of(person("Anna", "anna@example.com")), Optional.of(new ListNumber(1)))),
                row(
                        "add \"Müller, Anna\" <anna@example.com>; Bob Zu bob@example.org",
                        new AddParticipants(
                                EN,
                                List.of(
                                        person("Müller, Anna", "anna@example.com"),
                                        person("Bob Zu", "bob@example.org")),
                                Optional.empty())),
                row(
                        "add a@example.com b@example.com an 2345678901",
                        new AddParticipants(
                                EN,
                                List.of(person(null, "a@example.com"), person(null, "b@example.com")),
                                Optional.of(new MeetingNumber("2345678901")))),
                row("add Anna Müller", invalid(EN, ADD, Problem.EMAIL_INVALID, "Müller")),
                row("add", invalid(EN, ADD, Problem.PARTICIPANTS_MISSING, "")),
                row("add Anna <anna@example> to 2", invalid(EN, ADD, Problem.EMAIL_INVALID, "anna@example")),
                row("remove anna@example.com from 2", new RemoveParticipant(EN, "anna@example.com", new ListNumber(2))),
                row(
                        "entfernen Anna von Trapp <anna@example.com> aus 2",
                        new RemoveParticipant(DE, "anna@example.com", new ListNumber(2))),
                row("entfernen anna@example.com", invalid(DE, REMOVE, Problem.REFERENCE_MISSING, "")),
                row("remove nobody from 2", invalid(EN, REMOVE, Problem.EMAIL_INVALID, "nobody")),
                // move and cancel
                row(
                        "move 2 to 2026-12-02 14:00",
                        new MoveMeeting(EN, new ListNumber(2), at(2026, 12, 2, 14, 0), Optional.empty())),
                row(
                        "verschieben 2 auf 02.12.2026 14:00 | 1h",
                        new MoveMeeting(
                                DE, new ListNumber(2), at(2026, 12, 2, 14, 0), Optional.of(Duration.ofHours(1)))),
                row(
                        "move 2345 678 901 to tomorrow 15:00 | 16:30",
                        new MoveMeeting(
                                EN,
                                new MeetingNumber("2345678901"),
                                at(2026, 11, 30, 15, 0),
                                Optional.of(Duration.ofMinutes(90)))),
                row("move 2", invalid(EN, MOVE, Problem.TARGET_TIME_MISSING, "")),
                row("move to tomorrow 10:00", invalid(EN, MOVE, Problem.REFERENCE_INVALID, "to")),
                row("verschieben 2 auf gestern 10:00", invalid(DE, MOVE, Problem.START_NOT_IN_FUTURE, "gestern 10:00")),
                row("move 2 to 2026-12-02 14:00 | 25h", invalid(EN, MOVE, Problem.LENGTH_TOO_LONG, "25h")),
                // rename: the first "to"/"in" ends the reference; the title may contain either
                row("rename 2 to Q3 review (final)", new RenameMeeting(EN, new ListNumber(2), "Q3 review (final)")),
                row("umbenennen 2 in Q3-Review in Wien", new RenameMeeting(DE, new ListNumber(2), "Q3-Review in Wien")),
                row(
                        "rename 2345 678 901 to Walk to the park",
                        new RenameMeeting(EN, new MeetingNumber("2345678901"), "Walk to the park")),
                row("Umbenennen #3 zu  Budget  ", new RenameMeeting(DE, new ListNumber(3), "Budget")),
                row("rename 2", invalid(EN, RENAME, Problem.NEW_TITLE_MISSING, "")),
                row("rename 2 to", invalid(EN, RENAME, Problem.NEW_TITLE_MISSING, "")),
                row("umbenennen 2 in   ", invalid(DE, RENAME, Problem.NEW_TITLE_MISSING, "")),
                row("rename to Budget", invalid(EN, RENAME, Problem.REFERENCE_INVALID, "to")),
                row("rename", invalid(EN, RENAME, Problem.REFERENCE_MISSING, "")),
                row("rename 2 to " + "x".repeat(129), invalid(EN, RENAME, Problem.TITLE_TOO_LONG, "129")),
                // add's options at the end: approval and the guests' language, in either order
                row(
                        "add Anna <anna@example.com> to 2 with approval",
                        new AddParticipants(
                                EN,
                                List.of(new Participant(
                                        Optional.of("Anna"), "anna@example.com", Optional.empty(), true)),
                                Optional.of(new ListNumber(2)))),
                row(
                        "hinzufügen anna@example.com, bob@example.org zu 2 auf Englisch mit Freigabe",
                        new AddParticipants(
                                DE,
                                List.of(
                                        new Participant(Optional.empty(), "anna@example.com", Optional.of(EN), true),
                                        new Participant(Optional.empty(), "bob@example.org", Optional.of(EN), true)),
                                Optional.of(new ListNumber(2)))),
                row(
                        "add anna@example.com in German",
                        new AddParticipants(
                                EN,
                                List.of(new Participant(Optional.empty(), "anna@example.com", Optional.of(DE), false)),
                                Optional.empty())),
                // lang
                row("lang anna@example.com de", new SetGuestLanguage(EN, "anna@example.com", DE, Optional.empty())),
                row(
                        "sprache Anna <anna@example.com> englisch für 2",
                        new SetGuestLanguage(DE, "anna@example.com", EN, Optional.of(new ListNumber(2)))),
                row("lang anna@example.com", invalid(EN, LANG, Problem.GUEST_LANGUAGE_MISSING, "")),
                row("lang anna de", invalid(EN, LANG, Problem.EMAIL_INVALID, "anna")),
                row("lang", invalid(EN, LANG, Problem.EMAIL_MISSING, "")),
                // resend: without a reference, the next meeting the guest is invited to
                row("resend anna@example.com", new ResendInvitation(EN, "anna@example.com", Optional.empty())),
                row(
                        "resend Anna Müller <anna@example.com> in 2",
                        new ResendInvitation(EN, "anna@example.com", Optional.of(new ListNumber(2)))),
                row(
                        "nachsenden anna@example.com für 2345 678 901",
                        new ResendInvitation(DE, "anna@example.com", Optional.of(new MeetingNumber("2345678901")))),
                row("resend", invalid(EN, RESEND, Problem.EMAIL_MISSING, "")),
                row("nachsenden anna in 2", invalid(DE, RESEND, Problem.EMAIL_INVALID, "anna")),
                row("resend anna@example.com in next", invalid(EN, RESEND, Problem.REFERENCE_INVALID, "next")),
                row("cancel 2", new CancelMeeting(EN, new ListNumber(2))),
                row("absagen #1", new CancelMeeting(DE, new ListNumber(1))),
                row("absagen", invalid(DE, CANCEL, Problem.REFERENCE_MISSING, "")),
                // text beyond any command
                row(
                        "create " + "x".repeat(CommandParser.MAX_TEXT),
                        invalid(EN, CREATE, Problem.TEXT_TOO_LONG, Integer.toString(CommandParser.MAX_TEXT))));
    }

    private static Arguments row(String text, Command expected) {
        return Arguments.of(text, expected);
    }

    private static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, VIENNA);
    }

    private static CreateMeeting create(Language language, String title, ZonedDateTime start, int minutes) {
        return new CreateMeeting(language, title, start, Duration.ofMinutes(minutes));
    }

    private static Invalid invalid(Language language, Verb verb, Problem problem, String detail) {
        return new Invalid(language, verb, problem, detail);
    }

    private static Participant person(String name, String email) {
        return new Participant(Optional.ofNullable(name), email);
    }
}
