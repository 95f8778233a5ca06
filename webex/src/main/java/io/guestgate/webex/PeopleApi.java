package io.guestgate.webex;

import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.people.Person;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code /people}. */
public final class PeopleApi {

    private final WebexHttp http;

    PeopleApi(WebexHttp http) {
        this.http = http;
    }

    /** {@code GET /people/me}: whose token this is (the linked organizer, or the bot itself). */
    public Mono<Person> me(AccessToken token) {
        return http.get(token, http.uri("/people/me", Map.of()), Person.class);
    }

    /** {@code GET /people/{personId}}: a person by id, e.g. the sender of a message, with their {@code orgId}. */
    public Mono<Person> get(AccessToken token, String personId) {
        if (personId == null || personId.isBlank()) {
            throw new IllegalArgumentException("personId must not be blank");
        }
        return http.get(token, http.uri("/people/{p0}", Map.of(), personId), Person.class);
    }
}
