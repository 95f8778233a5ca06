package io.guestgate.bot.command;

import io.guestgate.bot.i18n.Language;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A command's keywords, English and German, and how the text after them is read. Each command declares its own, as
 * the constant {@code VERB} of its record (or of the sealed interface that groups its records, like
 * {@link Command.Create}); {@link Commands} finds it there, and nothing else pairs a keyword with a command. A keyword
 * also tells the language the organizer wrote in; {@code status} is the same in both, so it says nothing.
 * <p>
 * The verb's {@link #name()} is its English keyword: its texts are {@code help.<name>.usage},
 * {@code help.<name>.summary} and {@code example.<name>}, and it names the command in the metrics.
 */
public final class Verb {

    private static final ClassValue<Optional<Verb>> DECLARED = new ClassValue<>() {
        @Override
        protected Optional<Verb> computeValue(Class<?> type) {
            return constant(type);
        }
    };

    private final String english;
    private final String german;
    private final List<String> germanAliases;
    private final Reading reading;

    private Verb(Keywords keywords, Reading reading) {
        this.english = keywords.english;
        this.german = keywords.german;
        this.germanAliases = keywords.germanAliases;
        this.reading = Objects.requireNonNull(reading, "reading");
    }

    /**
     * The keywords, lowercase: the English one, the German one shown in help (the same word when both languages
     * share it), and any other German spellings the bot accepts.
     */
    public static Keywords keywords(String english, String german, String... germanAliases) {
        return new Keywords(english, german, List.of(germanAliases));
    }

    /** The English keyword, which names the verb's texts and metrics. */
    public String name() {
        return english;
    }

    /** The keyword shown in help and examples. */
    public String keyword(Language language) {
        return language == Language.DE ? german : english;
    }

    /** Every word that starts this command, in any language. */
    public List<String> keywords() {
        List<String> all = new ArrayList<>();
        all.add(english);
        if (!german.equals(english)) {
            all.add(german);
        }
        all.addAll(germanAliases);
        return List.copyOf(all);
    }

    /** The language {@code keyword} (lowercase) reveals: empty when it is one of this verb's words in both. */
    Optional<Language> language(String keyword) {
        if (english.equals(keyword)) {
            return german.equals(keyword) ? Optional.empty() : Optional.of(Language.EN);
        }
        return Optional.of(Language.DE);
    }

    Command read(Language language, Arguments arguments) {
        return reading.read(language, arguments);
    }

    /** The verb a command was written with; empty for {@link Command.Unknown}. */
    public static Optional<Verb> of(Command command) {
        if (command instanceof Command.Invalid invalid) {
            return Optional.of(invalid.verb());
        }
        return declaredFor(command.getClass());
    }

    /** The verb {@code type} declares, or the first one an interface it implements declares. */
    static Optional<Verb> declaredFor(Class<?> type) {
        Optional<Verb> own = DECLARED.get(type);
        if (own.isPresent()) {
            return own;
        }
        for (Class<?> parent : type.getInterfaces()) {
            Optional<Verb> inherited = declaredFor(parent);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    /** The verb {@code type} itself declares as its constant {@code VERB}. */
    static Optional<Verb> declaredBy(Class<?> type) {
        return DECLARED.get(type);
    }

    private static Optional<Verb> constant(Class<?> type) {
        Field field;
        try {
            field = type.getDeclaredField("VERB");
        } catch (NoSuchFieldException none) {
            return Optional.empty();
        }
        int modifiers = field.getModifiers();
        if (field.getType() != Verb.class || !Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) {
            throw new IllegalStateException(type.getName() + ".VERB must be a static final Verb");
        }
        try {
            field.trySetAccessible();
            return Optional.of((Verb) field.get(null));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(type.getName() + ".VERB cannot be read", e);
        }
    }

    @Override
    public String toString() {
        return english;
    }

    /** How the words after the keyword become the command; an {@link InputProblem} says what is wrong with them. */
    @FunctionalInterface
    public interface Reading {
        Command read(Language language, Arguments arguments);
    }

    /** A verb's keywords, before it is told how its arguments are read. */
    public static final class Keywords {

        private final String english;
        private final String german;
        private final List<String> germanAliases;

        private Keywords(String english, String german, List<String> germanAliases) {
            this.english = lowercase(english);
            this.german = lowercase(german);
            this.germanAliases = germanAliases.stream().map(Keywords::lowercase).toList();
        }

        /** A verb whose command is read from the words after the keyword. */
        public Verb reading(Reading reading) {
            return new Verb(this, reading);
        }

        /** A verb whose command takes no arguments: whatever follows the keyword is ignored. */
        public Verb noArguments(Function<Language, Command> command) {
            Objects.requireNonNull(command, "command");
            return new Verb(this, (language, arguments) -> command.apply(language));
        }

        private static String lowercase(String keyword) {
            if (keyword == null
                    || keyword.isBlank()
                    || !keyword.equals(keyword.toLowerCase(Locale.ROOT))
                    || keyword.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a keyword is one lowercase word: '" + keyword + "'");
            }
            return keyword;
        }
    }
}
