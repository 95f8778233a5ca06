package io.guestgate.bot.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.guestgate.bot.i18n.Language;

/**
 * The commands the bot knows, each with its English and German keyword. A keyword also tells the language the
 * organizer wrote in; {@code status} is the same in both, so it says nothing.
 */
public enum Verb {
    HELP("help", "hilfe"),
    LOGIN("login", "anmelden"),
    LOGOUT("logout", "abmelden"),
    STATUS("status", "status"),
    CREATE("create", "erstellen"),
    LIST("list", "liste"),
    SHOW("show", "zeige", "zeig"),
    ADD("add", "hinzufügen", "hinzufuegen"),
    REMOVE("remove", "entfernen"),
    MOVE("move", "verschieben"),
    RENAME("rename", "umbenennen"),
    RESEND("resend", "nachsenden"),
    LANG("lang", "sprache"),
    CANCEL("cancel", "absagen");

    private final String english;
    private final String german;
    private final List<String> germanAliases;

    Verb(String english, String german, String... germanAliases) {
        this.english = english;
        this.german = german;
        this.germanAliases = List.of(germanAliases);
    }

    /** The keyword shown in help and examples. */
    public String keyword(Language language) {
        return language == Language.DE ? german : english;
    }

    /** Every word that starts this command, in any language. */
    public List<String> keywords() {
        var all = new java.util.ArrayList<String>();
        all.add(english);
        if (!german.equals(english)) {
            all.add(german);
        }
        all.addAll(germanAliases);
        return List.copyOf(all);
    }

    /** The verb a command was written with; empty for {@link Command.Unknown}. */
    public static Optional<Verb> of(Command command) {
        if (command instanceof Command.Invalid invalid) {
            return Optional.of(invalid.verb());
        }
        Verb verb = command instanceof Command.Help ? HELP
                : command instanceof Command.Login ? LOGIN
                : command instanceof Command.Logout ? LOGOUT
                : command instanceof Command.Status ? STATUS
                : command instanceof Command.Create ? CREATE
                : command instanceof Command.ListMeetings ? LIST
                : command instanceof Command.ShowMeeting ? SHOW
                : command instanceof Command.AddParticipants ? ADD
                : command instanceof Command.RemoveParticipant ? REMOVE
                : command instanceof Command.MoveMeeting ? MOVE
                : command instanceof Command.RenameMeeting ? RENAME
                : command instanceof Command.ResendInvitation ? RESEND
                : command instanceof Command.SetGuestLanguage ? LANG
                : command instanceof Command.CancelMeeting ? CANCEL
                : null;
        return Optional.ofNullable(verb);
    }

    /** The command a lowercase first word names, and the language it reveals (empty when it is the same in both). */
    static Optional<Match> match(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (Verb verb : values()) {
            if (verb.english.equals(lower) && verb.german.equals(lower)) {
                return Optional.of(new Match(verb, Optional.empty()));
            }
            if (verb.english.equals(lower)) {
                return Optional.of(new Match(verb, Optional.of(Language.EN)));
            }
            if (verb.german.equals(lower) || verb.germanAliases.contains(lower)) {
                return Optional.of(new Match(verb, Optional.of(Language.DE)));
            }
        }
        return Optional.empty();
    }

    record Match(Verb verb, Optional<Language> language) {
    }
}
