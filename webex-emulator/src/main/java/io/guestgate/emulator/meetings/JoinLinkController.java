package io.guestgate.emulator.meetings;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.people.WebexPerson;
import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.Times;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /meetings/join}: personal links with an expiry. As the spec says, {@code joinDirectly} true or absent
 * answers 302 to the join link, false answers 200 with the links. Offline there is no Webex web client, so the links
 * point back at the emulator: its page shows who would join, and posting it joins.
 */
@RestController
class JoinLinkController {

    private final MeetingStore meetings;
    private final JoinLinks links;
    private final ParticipantView view;
    private final Directory directory;
    private final Clock clock;

    JoinLinkController(MeetingStore meetings, JoinLinks links, ParticipantView view, Directory directory, Clock clock) {
        this.meetings = meetings;
        this.links = links;
        this.view = view;
        this.directory = directory;
        this.clock = clock;
    }

    record JoinRequest(
            String meetingId,
            String meetingNumber,
            String webLink,
            Boolean joinDirectly,
            String email,
            String displayName,
            String password,
            Integer expirationMinutes,
            String hostEmail,
            Boolean createJoinLinkAsWebLink,
            Boolean createStartLinkAsWebLink) {}

    @PostMapping(value = "/v1/meetings/join", produces = MeetingMediaType.JSON_UTF8)
    ResponseEntity<Map<String, Object>> join(
            Caller caller, @RequestBody(required = false) JoinRequest body, ServerHttpRequest request) {
        WebexPerson host = directory.require(caller.requirePerson().personId());
        if (body == null) {
            throw ApiException.badRequest("The request body is required.");
        }
        String destination = body.meetingId() != null
                ? body.meetingId()
                : body.meetingNumber() != null ? body.meetingNumber() : body.webLink();
        if (destination == null) {
            throw ApiException.badRequest("One of meetingId, meetingNumber or webLink is required.");
        }
        Meeting meeting = meetings.byDestination(destination)
                .filter(m -> m.hostUserId().equals(host.id()))
                .orElseThrow(() -> ApiException.notFound("Meeting not found."));
        int minutes = body.expirationMinutes() == null ? 5 : body.expirationMinutes();
        if (minutes < 1 || minutes > 60) {
            throw ApiException.badRequest("expirationMinutes must be between 1 and 60.");
        }
        if (body.displayName() != null && body.email() == null) {
            throw ApiException.badRequest("If displayName is specified, email must be specified as well.");
        }
        Instant expiresAt = clock.instant().plusSeconds(minutes * 60L);
        // Without an email the link is for the caller, as the spec warns; with one it is for that (unsigned-in) person.
        JoinLinks.JoinLink joining = body.email() == null
                ? new JoinLinks.JoinLink(meeting.id(), host.displayName(), host.email(), host.id(), false, expiresAt)
                : new JoinLinks.JoinLink(
                        meeting.id(),
                        body.displayName() != null ? body.displayName() : body.email(),
                        body.email(),
                        null,
                        false,
                        expiresAt);
        String joinLink = url(request, links.issue(joining));
        if (!Boolean.FALSE.equals(body.joinDirectly())) {
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(URI.create(joinLink))
                    .build();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(
                "startLink",
                url(
                        request,
                        links.issue(new JoinLinks.JoinLink(
                                meeting.id(),
                                meeting.hostDisplayName(),
                                meeting.hostEmail(),
                                meeting.hostUserId(),
                                true,
                                expiresAt))));
        answer.put("joinLink", joinLink);
        answer.put("expiration", Times.format(expiresAt).replace(".000Z", "Z"));
        return ResponseEntity.ok(answer);
    }

    /** Where the links lead: who would join which meeting, and a button that joins. */
    @GetMapping(JoinLinks.PATH + "{token}")
    ResponseEntity<String> open(@PathVariable String token) {
        return links.usable(token)
                .map(link -> {
                    String title =
                            meetings.byId(link.meetingId()).map(Meeting::title).orElse("(deleted meeting)");
                    String what = (link.start() ? "Start" : "Join") + " \u201c" + escape(title) + "\u201d as "
                            + escape(link.displayName()) + ". (Webex emulator: no real meeting runs here.)";
                    String form = "<form method=\"post\" action=\"" + JoinLinks.PATH + escape(token) + "\">"
                            + "<button type=\"submit\">" + (link.start() ? "Start meeting" : "Join meeting")
                            + "</button></form>";
                    return ResponseEntity.ok()
                            .contentType(html())
                            .header("Cache-Control", "no-store")
                            .body(page(what, form));
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.GONE)
                        .contentType(html())
                        .body(page("This join link has expired. / Dieser Beitrittslink ist abgelaufen.", "")));
    }

    /** What the page's button does: joins as the link says, and answers the participant. */
    @PostMapping(value = JoinLinks.PATH + "{token}", produces = "application/json")
    Map<String, Object> enter(@PathVariable String token) {
        Participant p = links.enter(token);
        return view.of(p, meetings.byId(p.seriesId()).orElseThrow());
    }

    private static String url(ServerHttpRequest request, String token) {
        return UriComponentsBuilder.fromUri(request.getURI())
                .replacePath(JoinLinks.PATH + token)
                .replaceQuery(null)
                .build()
                .toUriString();
    }

    /** Only what HTML needs escaped: the page is UTF-8, so names keep their letters. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private static MediaType html() {
        return new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    }

    private static String page(String text, String form) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Webex emulator</title></head><body><p>" + text
                + "</p>" + form + "</body></html>";
    }
}
