package io.guestgate.emulator.meetings;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.auth.TokenRegistry;
import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.Times;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@code POST /meetings/join}: a personal join link with an expiry. Offline there is no Webex web client, so the
 * link points back at the emulator, which shows who would join which meeting until the link expires.
 */
@RestController
class JoinLinkController {

  private final MeetingStore meetings;
  private final Clock clock;
  private final Map<String, JoinLink> links = new ConcurrentHashMap<>();

  JoinLinkController(MeetingStore meetings, Clock clock) {
    this.meetings = meetings;
    this.clock = clock;
  }

  record JoinRequest(String meetingId, String meetingNumber, String webLink, Boolean joinDirectly, String email,
                     String displayName, String password, Integer expirationMinutes, String hostEmail) {
  }

  record JoinLink(String meetingId, String displayName, String email, boolean start, Instant expiresAt) {
  }

  @PostMapping(value = "/v1/meetings/join", produces = MeetingMediaType.JSON_UTF8)
  Map<String, Object> join(Caller caller, @RequestBody(required = false) JoinRequest body, ServerHttpRequest request) {
    String host = caller.requirePerson().personId();
    if (body == null) {
      throw ApiException.badRequest("The request body is required.");
    }
    String destination = body.meetingId() != null ? body.meetingId()
        : body.meetingNumber() != null ? body.meetingNumber() : body.webLink();
    if (destination == null) {
      throw ApiException.badRequest("One of meetingId, meetingNumber or webLink is required.");
    }
    Meeting meeting = meetings.byDestination(destination).filter(m -> m.hostUserId().equals(host))
        .orElseThrow(() -> ApiException.notFound("Meeting not found."));
    int minutes = body.expirationMinutes() == null ? 5 : body.expirationMinutes();
    if (minutes < 1 || minutes > 60) {
      throw ApiException.badRequest("expirationMinutes must be between 1 and 60.");
    }
    Instant expiresAt = clock.instant().plusSeconds(minutes * 60L);
    String name = body.displayName() != null ? body.displayName() : meeting.hostDisplayName();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("startLink", link(request, new JoinLink(meeting.id(), meeting.hostDisplayName(),
        meeting.hostEmail(), true, expiresAt)));
    answer.put("joinLink", link(request, new JoinLink(meeting.id(), name, body.email(), false, expiresAt)));
    answer.put("expiration", Times.format(expiresAt).replace(".000Z", "Z"));
    return answer;
  }

  @GetMapping("/_emulator/join/{token}")
  ResponseEntity<String> open(@PathVariable String token) {
    JoinLink link = links.get(token);
    if (link == null || !clock.instant().isBefore(link.expiresAt())) {
      return ResponseEntity.status(HttpStatus.GONE).contentType(html())
          .body(page("This join link has expired. / Dieser Beitrittslink ist abgelaufen."));
    }
    String title = meetings.byId(link.meetingId()).map(Meeting::title).orElse("(deleted meeting)");
    return ResponseEntity.ok().contentType(html()).header("Cache-Control", "no-store")
        .body(page((link.start() ? "Starting" : "Joining") + " \u201c" + HtmlUtils.htmlEscape(title) + "\u201d as "
            + HtmlUtils.htmlEscape(link.displayName()) + ". (Webex emulator: no real meeting runs here.)"));
  }

  private String link(ServerHttpRequest request, JoinLink link) {
    String token = TokenRegistry.randomToken();
    links.put(token, link);
    return UriComponentsBuilder.fromUri(request.getURI()).replacePath("/_emulator/join/" + token).replaceQuery(null)
        .build().toUriString();
  }

  private static MediaType html() {
    return new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
  }

  private static String page(String text) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Webex emulator</title></head><body><p>"
        + text + "</p></body></html>";
  }
}
