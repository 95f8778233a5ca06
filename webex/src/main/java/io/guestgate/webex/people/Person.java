package io.guestgate.webex.people;

import java.util.List;

/**
 * A person as {@code GET /people/me} returns it.
 *
 * @param type     {@code person}, {@code bot} or {@code appuser}
 * @param timezone the time zone the person set in Webex, e.g. {@code America/Denver}; null when none is set
 */
public record Person(
        String id,
        List<String> emails,
        String displayName,
        String firstName,
        String lastName,
        String nickName,
        String orgId,
        String type,
        String timezone) {

    public Person {
        emails = emails == null ? List.of() : List.copyOf(emails);
    }

    /** The first listed email, or {@code null}. */
    public String primaryEmail() {
        return emails.isEmpty() ? null : emails.get(0);
    }
}
