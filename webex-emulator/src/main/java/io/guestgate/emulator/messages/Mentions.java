package io.guestgate.emulator.messages;

import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.people.WebexPerson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Resolves Webex markdown mentions ({@code <@personId:ID|Name>}, {@code <@personEmail:addr>}) the way Webex does:
 * the text gets the name, the html a {@code <spark-mention data-object-type="person" data-object-id="…">} element,
 * and the person's id lands in {@code mentionedPeople}.
 */
final class Mentions {

    private static final Pattern MENTION = Pattern.compile("<@(personId|personEmail):([^|>]+)(?:\\|([^>]*))?>");

    record Resolved(String text, String html, List<String> mentionedPeople) {}

    private Mentions() {}

    static Resolved resolve(String markdown, Directory directory) {
        return resolve(markdown, directory::byId, directory::byEmail);
    }

    static Resolved resolve(
            String markdown,
            Function<String, Optional<WebexPerson>> byId,
            Function<String, Optional<WebexPerson>> byEmail) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        Set<String> mentioned = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(markdown);
        int last = 0;
        while (m.find()) {
            String before = markdown.substring(last, m.start());
            text.append(before);
            html.append(HtmlUtils.htmlEscape(before));
            Optional<WebexPerson> person = "personId".equals(m.group(1))
                    ? byId.apply(m.group(2).trim())
                    : byEmail.apply(m.group(2).trim());
            String name = m.group(3) != null && !m.group(3).isBlank()
                    ? m.group(3)
                    : person.map(WebexPerson::displayName).orElse(m.group(2));
            text.append(name);
            if (person.isPresent()) {
                mentioned.add(person.get().id());
                html.append("<spark-mention data-object-type=\"person\" data-object-id=\"")
                        .append(HtmlUtils.htmlEscape(person.get().id()))
                        .append("\">")
                        .append(HtmlUtils.htmlEscape(name))
                        .append("</spark-mention>");
            } else {
                html.append(HtmlUtils.htmlEscape(name));
            }
            last = m.end();
        }
        String rest = markdown.substring(last);
        text.append(rest);
        html.append(HtmlUtils.htmlEscape(rest));
        return new Resolved(text.toString(), "<p>" + html + "</p>", new ArrayList<>(mentioned));
    }
}
