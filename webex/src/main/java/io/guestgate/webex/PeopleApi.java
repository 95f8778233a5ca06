package io.guestgate.webex;

import io.guestgate.webex.people.Person;
import reactor.core.publisher.Mono;

import java.util.Map;

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
}
