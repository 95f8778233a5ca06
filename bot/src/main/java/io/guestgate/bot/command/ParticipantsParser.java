package io.guestgate.bot.command;

import io.guestgate.bot.command.Command.Participant;
import io.guestgate.domain.invitation.Invitee;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads participant lists such as {@code Anna Müller <anna@example.com>, bob@example.org}. Entries are separated by
 * commas, semicolons or line breaks, except inside quotes or angle brackets ({@code "Müller, Anna" <anna@…>}).
 */
final class ParticipantsParser {

    static final int MAX_PARTICIPANTS = 50;

    // Deliberately plain: what mail relays accept in practice, and linear to match (labels are split by dots).
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private ParticipantsParser() {}

    static List<Participant> participants(String text) {
        List<Participant> participants = new ArrayList<>();
        for (String entry : entries(text)) {
            participants.addAll(entry(entry));
            if (participants.size() > MAX_PARTICIPANTS) {
                throw new InputProblem(Problem.TOO_MANY_PARTICIPANTS, Integer.toString(MAX_PARTICIPANTS));
            }
        }
        if (participants.isEmpty()) {
            throw new InputProblem(Problem.PARTICIPANTS_MISSING);
        }
        return List.copyOf(participants);
    }

    /** A single address, bare or in angle brackets, possibly with a name in front. */
    static String email(String text) {
        String input = text.strip();
        if (input.isEmpty()) {
            throw new InputProblem(Problem.EMAIL_MISSING);
        }
        List<Participant> found = entry(input);
        if (found.size() != 1) {
            throw new InputProblem(Problem.EMAIL_INVALID, input);
        }
        return found.get(0).email();
    }

    private static List<String> entries(String text) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean bracketed = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                bracketed = true;
            } else if (c == '>' && !quoted) {
                bracketed = false;
            }
            if ((c == ',' || c == ';' || c == '\n' || c == '\r') && !quoted && !bracketed) {
                entries.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        entries.add(current.toString());
        return entries.stream()
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    /** One entry: {@code Name <email>}, {@code <email>}, {@code email}, {@code Name email}, or several bare addresses. */
    private static List<Participant> entry(String entry) {
        int open = entry.lastIndexOf('<');
        if (open >= 0) {
            int close = entry.indexOf('>', open);
            if (close < 0 || !entry.substring(close + 1).isBlank()) {
                throw new InputProblem(Problem.PARTICIPANT_INVALID, entry);
            }
            return List.of(new Participant(
                    name(entry.substring(0, open), entry), address(entry.substring(open + 1, close), entry)));
        }
        String[] words = entry.split("\\s+");
        if (words.length > 1 && java.util.Arrays.stream(words).allMatch(word -> word.contains("@"))) {
            return java.util.Arrays.stream(words)
                    .map(word -> new Participant(Optional.empty(), address(word, entry)))
                    .toList();
        }
        String last = words[words.length - 1];
        String name = entry.substring(0, entry.length() - last.length());
        return List.of(new Participant(name(name, entry), address(last, entry)));
    }

    private static Optional<String> name(String raw, String entry) {
        String name = raw.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.length() > Invitee.MAX_NAME_LENGTH
                || name.contains("@")
                || name.contains("\"")
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new InputProblem(Problem.PARTICIPANT_INVALID, entry);
        }
        return Optional.of(name);
    }

    private static String address(String raw, String entry) {
        String email = raw.strip();
        if (email.length() > Invitee.MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            throw new InputProblem(Problem.EMAIL_INVALID, email.isEmpty() ? entry : email);
        }
        return email;
    }
}
