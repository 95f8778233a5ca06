package io.guestgate.bot.command;

import io.guestgate.bot.i18n.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A set of commands, and everything derived from them: which keyword starts which command (for
 * {@link CommandParser}), which records a handler of each command runs (for {@link CommandRegistry}), and the order
 * help lists them in. The bot's set is {@link #BOT}, made from {@link Command.Known}.
 * <p>
 * A set is made from a sealed interface: each type it permits is one command and declares its {@link Verb} as the
 * constant {@code VERB}, read here once at startup. So a command is one record (with its {@code VERB}), one
 * {@link CommandHandler} and its texts, and nothing else lists the commands: the interface's {@code permits} clause,
 * which the compiler holds to the records that implement it, is the list, in help's order. A sealed interface rather
 * than a hand-kept list, so that no second list can fall out of step; made from a {@code Class} rather than fixed to
 * {@code Command.Known}, so that a test can build the same parser and registry over a sealed set of its own, with a
 * command the bot does not have. (Java leaves the order of {@link Class#getPermittedSubclasses()} unspecified; javac
 * writes the {@code permits} clause's order and the JVM returns it, and {@code CommandsTest} fails should that change.)
 * <p>
 * Why the registry, not the compiler, refuses a command without a handler: the project is on Java 17, where a
 * {@code switch} over a sealed type is not yet in the language (it is final in Java 21), and handlers are beans of
 * their own features' packages, which no switch here could name. So a set's commands are checked where they meet
 * their handlers, at startup: a command without a handler, two handlers for one command, a permitted type without
 * {@code VERB} or two commands with one keyword stop the application with a message naming them.
 */
public final class Commands {

    /** The commands the bot knows. */
    public static final Commands BOT = of(Command.Known.class);

    private final Class<?> set;
    private final Map<Class<?>, Verb> verbs = new LinkedHashMap<>();
    private final Map<String, Verb> byKeyword = new LinkedHashMap<>();

    private Commands(Class<?> set) {
        this.set = set;
        for (Class<?> type : set.getPermittedSubclasses()) {
            Verb verb = Verb.declaredBy(type)
                    .orElseThrow(() -> new IllegalStateException(type.getName()
                            + " is a command of " + set.getName() + " but declares no verb: give it a constant "
                            + "'static final Verb VERB = Verb.keywords(…).reading(…)'"));
            verbs.put(type, verb);
            for (String keyword : verb.keywords()) {
                Verb other = byKeyword.putIfAbsent(keyword, verb);
                if (other != null) {
                    throw new IllegalStateException("Two commands of " + set.getName() + " claim the keyword '"
                            + keyword + "': " + typeOf(other).getName() + " and " + type.getName());
                }
            }
        }
    }

    /** The commands {@code set} permits, each with the {@code VERB} it declares. */
    public static Commands of(Class<? extends Command> set) {
        if (!set.isInterface() || !set.isSealed()) {
            throw new IllegalArgumentException(set.getName() + " is not a sealed interface");
        }
        return new Commands(set);
    }

    /** Every command's verb, in the order the set's interface permits them: help's order. */
    public List<Verb> verbs() {
        return List.copyOf(verbs.values());
    }

    /** The command a lowercase first word names, and the language it reveals (empty when it is the same in both). */
    Optional<Match> match(String keyword) {
        return Optional.ofNullable(byKeyword.get(keyword)).map(verb -> new Match(verb, verb.language(keyword)));
    }

    /** The verb of {@code type}, one of the types the set permits. */
    Optional<Verb> verb(Class<?> type) {
        return Optional.ofNullable(verbs.get(type));
    }

    /** The records a handler of the command {@code type} runs: itself, or those its sealed interface permits. */
    List<Class<?>> records(Class<?> type) {
        List<Class<?>> records = new ArrayList<>();
        if (type.isRecord()) {
            records.add(type);
        } else if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                records.addAll(records(permitted));
            }
        }
        return records;
    }

    Class<?> typeOf(Verb verb) {
        return verbs.entrySet().stream()
                .filter(entry -> entry.getValue() == verb)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    @Override
    public String toString() {
        return set.getName();
    }

    record Match(Verb verb, Optional<Language> language) {}
}
