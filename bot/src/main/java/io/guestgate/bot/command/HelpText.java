package io.guestgate.bot.command;

import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.domain.meeting.MeetingsProperties;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Help generated from the commands: each one's usage and summary ({@code help.<verb>.usage}, {@code .summary}), in the
 * order its set lists them, so help can never drift from the code. The registry is looked up lazily because the help
 * handler is itself registered in it.
 */
@Component
public class HelpText {

    private final ObjectProvider<CommandRegistry> registry;
    private final BotMessages messages;
    private final MeetingsProperties meetings;

    public HelpText(ObjectProvider<CommandRegistry> registry, BotMessages messages, MeetingsProperties meetings) {
        this.registry = registry;
        this.messages = messages;
        this.meetings = meetings;
    }

    /** Every command with its usage and a one-line explanation, times in the configured zone. */
    public String full(Language language) {
        return full(language, meetings.timezone());
    }

    /** Every command with its usage and a one-line explanation; times are read in {@code zone}. */
    public String full(Language language, ZoneId zone) {
        StringBuilder help = new StringBuilder(messages.text(language, "help.title")).append("\n\n");
        for (Verb verb : registry.getObject().verbs()) {
            help.append("- `")
                    .append(messages.text(language, "help." + verb.name() + ".usage"))
                    .append("` — ")
                    .append(messages.text(language, "help." + verb.name() + ".summary"))
                    .append('\n');
        }
        return help.append('\n')
                .append(messages.text(language, "help.footer", zone.getId()))
                .toString();
    }

    /** The keywords alone, for the short help after an unknown command. */
    public String keywords(Language language) {
        return registry.getObject().verbs().stream()
                .map(verb -> "**" + verb.keyword(language) + "**")
                .collect(Collectors.joining(", "));
    }
}
