package io.guestgate.bot.command;

import io.guestgate.bot.i18n.Language;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an organizer wrote, as {@link CommandParser} reads it: one of the bot's commands ({@link Known}), a known
 * command written wrongly ({@link Invalid}), or text that starts with no keyword ({@link Unknown}). Each carries the
 * language it was written in, so the answer can be given in that language. Values are validated by the parser; the
 * compact constructors only guard against misuse.
 * <p>
 * A command declares its keywords and how the text after them is read, as its constant {@code VERB}; see
 * {@link Commands}. This interface is open only so that a test can build a set of commands of its own.
 */
public interface Command {

    Language language();

    /** The commands the bot knows, in the order help lists them: {@link Commands#BOT}. */
    sealed interface Known extends Command
            permits Help,
                    Login,
                    Logout,
                    Status,
                    Create,
                    ListMeetings,
                    ShowMeeting,
                    AddParticipants,
                    RemoveParticipant,
                    MoveMeeting,
                    RenameMeeting,
                    ResendInvitation,
                    SetGuestLanguage,
                    CancelMeeting {}

    record Help(Language language) implements Known {

        public static final Verb VERB = Verb.keywords("help", "hilfe").noArguments(Help::new);

        public Help {
            Objects.requireNonNull(language, "language");
        }
    }

    record Login(Language language) implements Known {

        public static final Verb VERB = Verb.keywords("login", "anmelden").noArguments(Login::new);

        public Login {
            Objects.requireNonNull(language, "language");
        }
    }

    record Logout(Language language) implements Known {

        public static final Verb VERB = Verb.keywords("logout", "abmelden").noArguments(Logout::new);

        public Logout {
            Objects.requireNonNull(language, "language");
        }
    }

    record Status(Language language) implements Known {

        public static final Verb VERB = Verb.keywords("status", "status").noArguments(Status::new);

        public Status {
            Objects.requireNonNull(language, "language");
        }
    }

    /** Both ways of {@code create}: one handler serves them. */
    sealed interface Create extends Known permits CreateMeeting, CreateMeetingForm {

        Verb VERB = Verb.keywords("create", "erstellen").reading(Readings::create);
    }

    /** {@code create <title> | <start> | <length or end>}: start is in the configured zone and in the future. */
    record CreateMeeting(Language language, String title, ZonedDateTime start, Duration duration) implements Create {
        public CreateMeeting {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(duration, "duration");
        }

        public ZonedDateTime end() {
            return start.plus(duration);
        }
    }

    /** {@code create} without arguments: the organizer gets a card form. */
    record CreateMeetingForm(Language language) implements Create {
        public CreateMeetingForm {
            Objects.requireNonNull(language, "language");
        }
    }

    record ListMeetings(Language language) implements Known {

        public static final Verb VERB = Verb.keywords("list", "liste").noArguments(ListMeetings::new);

        public ListMeetings {
            Objects.requireNonNull(language, "language");
        }
    }

    record ShowMeeting(Language language, MeetingRef ref) implements Known {

        public static final Verb VERB = Verb.keywords("show", "zeige", "zeig")
                .reading((language, arguments) -> new ShowMeeting(language, arguments.ref()));

        public ShowMeeting {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** {@code add <participants> [to <ref>]}; without a reference the organizer means their latest meeting. */
    record AddParticipants(Language language, List<Participant> participants, Optional<MeetingRef> ref)
            implements Known {

        public static final Verb VERB =
                Verb.keywords("add", "hinzufügen", "hinzufuegen").reading(Readings::add);

        public AddParticipants {
            Objects.requireNonNull(language, "language");
            participants = List.copyOf(participants);
            Objects.requireNonNull(ref, "ref");
            if (participants.isEmpty()) {
                throw new IllegalArgumentException("at least one participant");
            }
        }
    }

    /** {@code remove <email> from <ref>}. */
    record RemoveParticipant(Language language, String email, MeetingRef ref) implements Known {

        public static final Verb VERB = Verb.keywords("remove", "entfernen").reading(Readings::remove);

        public RemoveParticipant {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** {@code move <ref> to <start> [| <length or end>]}; without a length the meeting keeps its length. */
    record MoveMeeting(Language language, MeetingRef ref, ZonedDateTime start, Optional<Duration> duration)
            implements Known {

        public static final Verb VERB = Verb.keywords("move", "verschieben").reading(Readings::move);

        public MoveMeeting {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** {@code rename <ref> to <title>}. */
    record RenameMeeting(Language language, MeetingRef ref, String title) implements Known {

        public static final Verb VERB = Verb.keywords("rename", "umbenennen").reading(Readings::rename);

        public RenameMeeting {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * {@code resend <email> [in <ref>]}: a new personal link for one guest; the links sent before stop working. Without
     * a reference, the next upcoming meeting.
     */
    record ResendInvitation(Language language, String email, Optional<MeetingRef> ref) implements Known {

        public static final Verb VERB = Verb.keywords("resend", "nachsenden").reading(Readings::resend);

        public ResendInvitation {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** {@code lang <email> de|en [in <ref>]}: the guest's mail and pages in that language from now on. */
    record SetGuestLanguage(Language language, String email, Language guestLanguage, Optional<MeetingRef> ref)
            implements Known {

        public static final Verb VERB = Verb.keywords("lang", "sprache").reading(Readings::guestLanguage);

        public SetGuestLanguage {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(guestLanguage, "guestLanguage");
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** {@code cancel <ref>}. */
    record CancelMeeting(Language language, MeetingRef ref) implements Known {

        public static final Verb VERB = Verb.keywords("cancel", "absagen")
                .reading((language, arguments) -> new CancelMeeting(language, arguments.ref()));

        public CancelMeeting {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(ref, "ref");
        }
    }

    /**
     * A known command written wrongly. The answer names the problem and shows an example of {@code verb}.
     *
     * @param detail the offending part of the input, for quoting in the answer; empty if there is none
     */
    record Invalid(Language language, Verb verb, Problem problem, String detail) implements Command {
        public Invalid {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(verb, "verb");
            Objects.requireNonNull(problem, "problem");
            detail = detail == null ? "" : detail;
        }
    }

    /** Text that starts with no known keyword. The answer is a short help. */
    record Unknown(Language language, String word) implements Command {
        public Unknown {
            Objects.requireNonNull(language, "language");
            word = word == null ? "" : word;
        }
    }

    /**
     * One person to invite, as the organizer wrote them.
     *
     * @param name         the display name, empty when only an address was given
     * @param email        the address as written (compare case-insensitively)
     * @param language     the language of the guest's mail and pages, when the organizer chose one
     * @param hostApproval whether the organizer admits this guest themselves ({@code with approval})
     */
    record Participant(Optional<String> name, String email, Optional<Language> language, boolean hostApproval) {
        public Participant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(language, "language");
        }

        public Participant(Optional<String> name, String email) {
            this(name, email, Optional.empty(), false);
        }

        Participant with(Optional<Language> newLanguage, boolean approval) {
            return new Participant(name, email, newLanguage, approval);
        }
    }
}
