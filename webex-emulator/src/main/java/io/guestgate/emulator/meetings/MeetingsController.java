package io.guestgate.emulator.meetings;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.Paging;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Create, read, update, delete and list meeting series; only the host sees a meeting. */
@RestController
@RequestMapping(produces = MeetingMediaType.JSON_UTF8)
class MeetingsController {

    private final MeetingStore store;
    private final MeetingRules rules;
    private final MeetingFactory factory;
    private final Directory directory;
    private final MeetingEvents events;

    MeetingsController(
            MeetingStore store, MeetingRules rules, MeetingFactory factory, Directory directory, MeetingEvents events) {
        this.store = store;
        this.rules = rules;
        this.factory = factory;
        this.directory = directory;
        this.events = events;
    }

    @PostMapping("/v1/meetings")
    Map<String, Object> create(Caller caller, @RequestBody(required = false) MeetingRequest request) {
        caller.requirePerson();
        MeetingRules.Schedule schedule = rules.check(request);
        Meeting meeting = factory.create(schedule, request, directory.require(caller.personId()));
        store.save(meeting);
        return MeetingView.series(meeting);
    }

    @GetMapping("/v1/meetings/{meetingId}")
    Map<String, Object> get(Caller caller, @PathVariable String meetingId) {
        return MeetingView.series(
                store.requireHostedBy(meetingId, caller.requirePerson().personId()));
    }

    /** PUT replaces the schedule: title, start and end are required, as on Webex; flags left out keep their value. */
    @PutMapping("/v1/meetings/{meetingId}")
    Map<String, Object> update(
            Caller caller, @PathVariable String meetingId, @RequestBody(required = false) MeetingRequest request) {
        Meeting existing =
                store.requireHostedBy(meetingId, caller.requirePerson().personId());
        MeetingRules.Schedule schedule = rules.check(request);
        Meeting updated = existing.rescheduled(
                schedule.title(),
                request.agenda() != null ? request.agenda() : existing.agenda(),
                schedule.start(),
                schedule.end(),
                schedule.zone(),
                request.password() != null && !request.password().isBlank() ? request.password() : existing.password(),
                existing.options().merge(request));
        store.save(updated);
        events.updated(updated);
        return MeetingView.listItem(updated);
    }

    @DeleteMapping("/v1/meetings/{meetingId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String meetingId) {
        Meeting deleted =
                store.requireHostedBy(meetingId, caller.requirePerson().personId());
        store.remove(deleted.id());
        events.deleted(deleted);
        return ResponseEntity.noContent().build();
    }

    /**
     * The host's meeting series by start (or their occurrences with {@code meetingType=scheduledMeeting});
     * {@code meetingNumber}, {@code webLink}, {@code state}, {@code from} and {@code to} filter.
     */
    @GetMapping("/v1/meetings")
    ResponseEntity<Map<String, Object>> list(Caller caller, ServerHttpRequest request) {
        String host = caller.requirePerson().personId();
        MultiValueMap<String, String> q = request.getQueryParams();
        Predicate<Meeting> filter = m -> m.hostUserId().equals(host);
        if (q.getFirst("meetingNumber") != null) {
            filter = filter.and(m -> m.meetingNumber().equals(q.getFirst("meetingNumber")));
        }
        if (q.getFirst("webLink") != null) {
            filter = filter.and(m -> m.webLink().equals(q.getFirst("webLink")));
        }
        String type = q.getFirst("meetingType") == null ? "meetingSeries" : q.getFirst("meetingType");
        if (!List.of("meetingSeries", "scheduledMeeting", "meeting").contains(type)) {
            throw ApiException.badRequest("meetingType must be meetingSeries, scheduledMeeting or meeting.");
        }
        if ("meeting".equals(type)) {
            // Held sessions (instances, <seriesId>_I_<n>) show only on participants; the emulator does not list them
            // here.
            filter = filter.and(m -> false);
        }
        String state = q.getFirst("state");
        if (state != null) {
            String current = "meetingSeries".equals(type) ? "active" : "scheduled";
            filter = filter.and(m -> current.equals(state));
        }
        Instant from = instant("from", q.getFirst("from"));
        Instant to = instant("to", q.getFirst("to"));
        if (from != null) {
            filter = filter.and(m -> !m.end().isBefore(from));
        }
        if (to != null) {
            filter = filter.and(m -> m.start().isBefore(to));
        }
        List<Map<String, Object>> items = store.all().stream()
                .filter(filter)
                .map("scheduledMeeting".equals(type) ? MeetingView::occurrence : MeetingView::listItem)
                .toList();
        Paging.Page<Map<String, Object>> page = Paging.page(items, request, 10, 100);
        return ResponseEntity.ok().headers(page.headers()).body(Map.of("items", page.items()));
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest(name + " must be an ISO 8601 date-time.");
            }
        }
    }
}
