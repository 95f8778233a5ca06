package io.guestgate.emulator.people;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.Times;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/people}: who a token belongs to, and any person by id. */
@RestController
class PeopleController {

    private final Directory directory;

    PeopleController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/v1/people/me")
    Map<String, Object> me(Caller caller) {
        Map<String, Object> body = view(directory.require(caller.personId()));
        directory.timezone(caller.personId()).ifPresent(zone -> body.put("timezone", zone));
        return body;
    }

    /** Any person, bot or guest the directory knows, for any authenticated caller: what a bot sees of a sender. */
    @GetMapping("/v1/people/{personId}")
    Map<String, Object> get(Caller caller, @PathVariable String personId) {
        return view(directory.byId(personId).orElseThrow(() -> ApiException.notFound("Person not found.")));
    }

    static Map<String, Object> view(WebexPerson p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.id());
        body.put("emails", List.of(p.email()));
        body.put("displayName", p.displayName());
        String[] names = p.displayName().trim().split("\\s+", 2);
        if (p.type() == WebexPerson.Type.PERSON && names.length == 2) {
            body.put("firstName", names[0]);
            body.put("lastName", names[1]);
        }
        body.put("orgId", p.orgId());
        body.put("created", Times.format(p.created()));
        body.put("type", p.type().wire());
        return body;
    }
}
