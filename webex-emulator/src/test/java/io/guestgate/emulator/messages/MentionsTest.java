package io.guestgate.emulator.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.people.WebexPerson;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MentionsTest {

    static final WebexPerson BOT = person("bot-1", "guestgate@webex.bot", "GuestGate", WebexPerson.Type.BOT);
    static final WebexPerson PETER = person("peter-1", "peter@example.com", "Peter Person", WebexPerson.Type.PERSON);

    static WebexPerson person(String id, String email, String name, WebexPerson.Type type) {
        return new WebexPerson(id, email, name, type, "org-1", Instant.EPOCH);
    }

    static Mentions.Resolved resolve(String markdown) {
        return Mentions.resolve(
                markdown,
                id -> Optional.of(BOT)
                        .filter(p -> p.id().equals(id))
                        .or(() -> Optional.of(PETER).filter(p -> p.id().equals(id))),
                email -> Optional.of(BOT)
                        .filter(p -> p.email().equals(email))
                        .or(() -> Optional.of(PETER).filter(p -> p.email().equals(email))));
    }

    @Test
    void resolvesMentionsByIdAndEmailIntoTextHtmlAndMentionedPeople() {
        Mentions.Resolved r = resolve("<@personId:bot-1|GuestGate> add <@personEmail:peter@example.com> & <b>bold</b>");

        assertThat(r.text()).isEqualTo("GuestGate add Peter Person & <b>bold</b>");
        assertThat(r.mentionedPeople()).containsExactly("bot-1", "peter-1");
        assertThat(r.html())
                .isEqualTo("<p><spark-mention data-object-type=\"person\" data-object-id=\"bot-1\">GuestGate"
                        + "</spark-mention> add <spark-mention data-object-type=\"person\" data-object-id=\"peter-1\">Peter Person"
                        + "</spark-mention> &amp; &lt;b&gt;bold&lt;/b&gt;</p>");
    }

    @Test
    void unknownPersonIsNamedButNotMentioned() {
        Mentions.Resolved r = resolve("hi <@personEmail:nobody@example.com|Nobody>");
        assertThat(r.text()).isEqualTo("hi Nobody");
        assertThat(r.mentionedPeople()).isEmpty();
        assertThat(r.html()).doesNotContain("spark-mention");
    }
}
