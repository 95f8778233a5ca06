package io.guestgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.faults.Fault;
import io.guestgate.emulator.meetings.Participant;
import io.guestgate.emulator.webhooks.Delivery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue "Done when" 1: every response the emulator gives on a route the specs cover, success and error alike,
 * validates against shared/webex-openapi with zero errors. /authorize, /access_token and /jwt/login are in no
 * spec; their shapes are checked in OAuthFlowTest and GuestTokensTest.
 */
class EmulatorContractTest {

    @RegisterExtension
    static WebexEmulatorExtension emulator = WebexEmulatorExtension.withDefaults();

    static final JsonMapper JSON = JsonMapper.builder().build();

    ContractRecorder api;
    String organizer;
    String second;
    String bot;

    static Map<String, Object> meeting(String title, Instant start, Instant end) {
        return Map.ofEntries(
                Map.entry("title", title),
                Map.entry("start", start.toString()),
                Map.entry("end", end.toString()),
                Map.entry("timezone", "Europe/Vienna"),
                Map.entry("enabledAutoRecordMeeting", false),
                Map.entry("allowAnyUserToBeCoHost", false),
                Map.entry("enabledJoinBeforeHost", true),
                Map.entry("enableConnectAudioBeforeHost", false),
                Map.entry("excludePassword", true),
                Map.entry("publicMeeting", false),
                Map.entry("enabledWebcastView", false),
                Map.entry("enableAutomaticLock", false),
                Map.entry("allowFirstUserToBeCoHost", false),
                Map.entry("allowAuthenticatedDevices", false),
                Map.entry("sendEmail", false),
                Map.entry("unlockedMeetingJoinSecurity", "allowJoinWithLobby"));
    }

    static void expect(ContractRecorder.Call call, int status) {
        assertThat(call.status())
                .as(call.method() + " " + call.path() + " -> " + call.body())
                .isEqualTo(status);
    }

    @Test
    void everyAnswerOnEverySpecCoveredRouteValidates(WebexEmulator webex) {
        api = new ContractRecorder(webex);
        EmulatorSeed seed = webex.seed();
        organizer = seed.organizer().accessToken();
        second = seed.secondPerson().accessToken();
        bot = seed.bot().accessToken();

        people(webex, seed);
        String meetingId = meetings();
        invitees(meetingId);
        participants(webex, meetingId);
        messagesCardsAndWebhooks(webex, seed);
        guests(seed);
        serviceAppTokens(seed);
        faults(webex);

        assertThat(api.failures()).as(String.join("\n\n", api.failures())).isEmpty();
    }

    private void people(WebexEmulator webex, EmulatorSeed seed) {
        expect(api.get(organizer, "/v1/people/me"), 200);
        webex.setTimezone(seed.secondPerson().id(), "America/Denver");
        ContractRecorder.Call zoned = api.get(second, "/v1/people/me");
        expect(zoned, 200);
        assertThat(zoned.text("timezone")).isEqualTo("America/Denver");
        webex.setTimezone(seed.secondPerson().id(), null);
        expect(api.get(bot, "/v1/people/me"), 200);
        expect(api.get(seed.serviceApp().accessToken(), "/v1/people/me"), 200);
        expect(api.get("not-a-token", "/v1/people/me"), 401);
    }

    private String meetings() {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        ContractRecorder.Call created =
                api.post(organizer, "/v1/meetings", meeting("Q3 review", start, start.plus(1, ChronoUnit.HOURS)));
        expect(created, 200);
        String id = created.text("id");
        expect(
                api.post(
                        organizer,
                        "/v1/meetings",
                        meeting(
                                "Second",
                                start.plus(1, ChronoUnit.DAYS),
                                start.plus(1, ChronoUnit.DAYS).plus(30, ChronoUnit.MINUTES))),
                200);
        expect(
                api.post(organizer, "/v1/meetings", meeting("Too short", start, start.plus(5, ChronoUnit.MINUTES))),
                400);
        expect(
                api.post(
                        organizer,
                        "/v1/meetings",
                        meeting("Past", Instant.now().minus(1, ChronoUnit.HOURS), Instant.now())),
                400);
        expect(api.post(bot, "/v1/meetings", meeting("Bot", start, start.plus(1, ChronoUnit.HOURS))), 403);
        expect(api.post("expired", "/v1/meetings", meeting("Nobody", start, start.plus(1, ChronoUnit.HOURS))), 401);

        expect(api.get(organizer, "/v1/meetings/" + id), 200);
        expect(api.get(second, "/v1/meetings/" + id), 404);
        expect(
                api.put(
                        organizer,
                        "/v1/meetings/" + id,
                        Map.of(
                                "title",
                                "Q3 review (moved)",
                                "start",
                                start.plus(2, ChronoUnit.HOURS).toString(),
                                "end",
                                start.plus(3, ChronoUnit.HOURS).toString())),
                200);
        expect(
                api.put(
                        organizer,
                        "/v1/meetings/" + id,
                        Map.of(
                                "title",
                                "x".repeat(129),
                                "start",
                                start.toString(),
                                "end",
                                start.plus(1, ChronoUnit.HOURS).toString())),
                400);

        ContractRecorder.Call page = api.get(organizer, "/v1/meetings?max=1");
        expect(page, 200);
        assertThat(page.headers().getFirst(HttpHeaders.LINK)).contains("rel=\"next\"");
        expect(api.get(organizer, "/v1/meetings?max=0"), 400);
        expect(api.get(organizer, "/v1/meetings?meetingNumber=123"), 200);

        expect(
                api.post(
                        organizer,
                        "/v1/meetings/join",
                        Map.of(
                                "meetingId",
                                id,
                                "displayName",
                                "Anna Müller",
                                "email",
                                "anna@example.com",
                                "expirationMinutes",
                                5,
                                "joinDirectly",
                                false)),
                200);
        // The operation's responses declare only 200; its description says true or absent answers 302 to the joinLink.
        List<Map<String, Object>> redirecting = List.of(Map.of("joinDirectly", true), Map.of());
        for (Map<String, Object> directly : redirecting) {
            Map<String, Object> body = new HashMap<>(Map.of(
                    "meetingId",
                    id,
                    "displayName",
                    "Anna Müller",
                    "email",
                    "anna@example.com",
                    "expirationMinutes",
                    5));
            body.putAll(directly);
            ContractRecorder.Call redirect = api.postCheckingRequestOnly(organizer, "/v1/meetings/join", body);
            expect(redirect, 302);
            assertThat(redirect.headers().getFirst(HttpHeaders.LOCATION)).contains("/_emulator/join/");
            assertThat(redirect.body().isNull()).as("a redirect has no body").isTrue();
        }
        expect(api.post(organizer, "/v1/meetings/join", Map.of("meetingId", id, "expirationMinutes", 90)), 400);
        expect(api.post(second, "/v1/meetings/join", Map.of("meetingId", id)), 404);

        String doomed = api.post(
                        organizer, "/v1/meetings", meeting("Cancelled", start, start.plus(1, ChronoUnit.HOURS)))
                .text("id");
        expect(api.delete(organizer, "/v1/meetings/" + doomed), 204);
        expect(api.delete(organizer, "/v1/meetings/" + doomed), 404);
        return id;
    }

    private void invitees(String meetingId) {
        ContractRecorder.Call invitee = api.post(
                organizer,
                "/v1/meetingInvitees",
                Map.of(
                        "meetingId",
                        meetingId,
                        "email",
                        "anna@example.com",
                        "displayName",
                        "Anna Müller",
                        "sendEmail",
                        false));
        expect(invitee, 200);
        expect(
                api.post(organizer, "/v1/meetingInvitees", Map.of("meetingId", meetingId, "email", "anna@example.com")),
                409);
        expect(api.get(organizer, "/v1/meetingInvitees?meetingId=" + meetingId), 200);
        expect(api.get(organizer, "/v1/meetingInvitees/" + invitee.text("id")), 200);
        expect(api.get(organizer, "/v1/meetingInvitees/nope"), 404);
        String other = api.post(
                        organizer, "/v1/meetingInvitees", Map.of("meetingId", meetingId, "email", "bob@example.org"))
                .text("id");
        expect(api.delete(organizer, "/v1/meetingInvitees/" + other), 204);
    }

    private void participants(WebexEmulator webex, String meetingId) {
        ContractRecorder.Call door = api.post(
                organizer,
                "/v1/webhooks",
                Map.of(
                        "name",
                        "GuestGate door",
                        "targetUrl",
                        "http://127.0.0.1:9/webhooks/webex",
                        "resource",
                        "meetingParticipants",
                        "event",
                        "joined",
                        "filter",
                        "meetingId=" + meetingId,
                        "secret",
                        "s3cret"));
        expect(door, 200);
        expect(
                api.post(
                        organizer,
                        "/v1/webhooks",
                        Map.of(
                                "name",
                                "GuestGate door (left)",
                                "targetUrl",
                                "http://127.0.0.1:9/webhooks/webex",
                                "resource",
                                "meetingParticipants",
                                "event",
                                "left",
                                "secret",
                                "s3cret")),
                200);
        expect(api.get(organizer, "/v1/webhooks/" + door.text("id")), 200);
        expect(
                api.post(
                        organizer,
                        "/v1/webhooks",
                        Map.of(
                                "name",
                                "Wrong event",
                                "targetUrl",
                                "https://example.com/h",
                                "resource",
                                "meetingParticipants",
                                "event",
                                "created")),
                400);
        expect(
                api.post(
                        organizer,
                        "/v1/webhooks",
                        Map.of(
                                "name",
                                "Org filter",
                                "targetUrl",
                                "https://example.com/h",
                                "resource",
                                "meetingParticipants",
                                "event",
                                "joined",
                                "filter",
                                "hostEmail=olivia@example.com")),
                400);

        ContractRecorder.Call guest = api.post(
                webex.seed().serviceApp().accessToken(),
                "/v1/guests/token",
                Map.of("subject", "invitation-1", "displayName", "Anna Müller"));
        expect(guest, 200);
        expect(api.get(guest.text("accessToken"), "/v1/people/me"), 200);
        Participant waiting = webex.joinMeeting(meetingId, guest.text("accessToken"), webex.password(meetingId));
        Participant stranger = webex.knock(meetingId, "Mallory", "mallory@example.net", webex.password(meetingId));
        webex.joinMeeting(meetingId, organizer);

        expect(api.get(organizer, "/v1/meetingParticipants?meetingId=" + meetingId), 200);
        expect(api.get(organizer, "/v1/meetingParticipants?meetingId=" + waiting.meetingId()), 200);
        expect(api.get(organizer, "/v1/meetingParticipants/" + waiting.id()), 200);
        expect(api.get(organizer, "/v1/meetingParticipants/" + stranger.id()), 200);
        expect(api.get(organizer, "/v1/meetingParticipants?meetingId=unknown"), 404);
        expect(api.get(organizer, "/v1/meetingParticipants?meetingId=" + meetingId + "_I_1"), 404);
        expect(
                api.post(
                        organizer,
                        "/v1/meetingParticipants/admit",
                        Map.of("items", List.of(Map.of("participantId", waiting.id())))),
                204);
        expect(
                api.post(
                        organizer,
                        "/v1/meetingParticipants/admit",
                        Map.of("items", List.of(Map.of("participantId", "unknown")))),
                404);
        webex.leave(stranger.id());
        expect(api.get(organizer, "/v1/meetingParticipants?meetingId=" + waiting.meetingId()), 200);
        expect(api.get(organizer, "/v1/meetingParticipants/" + stranger.id()), 200);

        // A meetingParticipants webhook's data is the participant as GET /meetingParticipants/{id} shows it.
        List<Delivery> sent = webex.deliveries().stream()
                .filter(d -> d.resource().equals("meetingParticipants"))
                .toList();
        assertThat(sent).extracting(Delivery::event).contains("joined", "left");
        for (Delivery d : sent) {
            api.checkAsAnswer(
                    "GET",
                    "/v1/meetingParticipants/" + d.dataId(),
                    200,
                    JSON.readTree(d.body()).get("data").toString());
        }
    }

    private void messagesCardsAndWebhooks(WebexEmulator webex, EmulatorSeed seed) {
        ContractRecorder.Call hook = api.post(
                bot,
                "/v1/webhooks",
                Map.of(
                        "name",
                        "GuestGate messages",
                        "targetUrl",
                        "http://127.0.0.1:9/webhooks/webex",
                        "resource",
                        "messages",
                        "event",
                        "created",
                        "secret",
                        "s3cret"));
        expect(hook, 200);
        expect(
                api.post(
                        bot,
                        "/v1/webhooks",
                        Map.of("name", "Bad", "targetUrl", "not a url", "resource", "messages", "event", "created")),
                400);
        expect(
                api.post(
                        bot,
                        "/v1/webhooks",
                        Map.of(
                                "name",
                                "Filtered",
                                "targetUrl",
                                "https://example.com/hook",
                                "resource",
                                "attachmentActions",
                                "event",
                                "created",
                                "filter",
                                "roomId=abc")),
                200);
        expect(api.get(bot, "/v1/webhooks"), 200);
        expect(api.get(bot, "/v1/webhooks/" + hook.text("id")), 200);
        expect(api.get(organizer, "/v1/webhooks/" + hook.text("id")), 404);
        expect(
                api.put(
                        bot,
                        "/v1/webhooks/" + hook.text("id"),
                        Map.of(
                                "name",
                                "GuestGate messages",
                                "targetUrl",
                                "http://127.0.0.1:9/webhooks/webex",
                                "secret",
                                "n3w",
                                "status",
                                "active")),
                200);
        expect(api.delete(bot, "/v1/webhooks/" + hook.text("id")), 204);
        expect(api.delete(bot, "/v1/webhooks/" + hook.text("id")), 404);

        ContractRecorder.Call hello = api.post(
                organizer, "/v1/messages", Map.of("toPersonEmail", seed.bot().email(), "text", "hello"));
        expect(hello, 200);
        ContractRecorder.Call card = api.post(
                bot,
                "/v1/messages",
                Map.of(
                        "toPersonId",
                        seed.organizer().id(),
                        "markdown",
                        "Meeting **Q3 review** created",
                        "text",
                        "Meeting Q3 review created",
                        "attachments",
                        List.of(Map.of(
                                "contentType",
                                "application/vnd.microsoft.card.adaptive",
                                "content",
                                Map.of(
                                        "type",
                                        "AdaptiveCard",
                                        "version",
                                        "1.3",
                                        "body",
                                        List.of(Map.of("type", "TextBlock", "text", "Add participants")))))));
        expect(card, 200);
        var team = webex.createGroupRoom(
                "Team",
                seed.organizer().id(),
                seed.secondPerson().id(),
                seed.bot().id());
        expect(
                api.post(
                        second,
                        "/v1/messages",
                        Map.of(
                                "roomId",
                                team.id(),
                                "markdown",
                                "<@personId:" + seed.bot().id() + "|GuestGate> help")),
                200);
        expect(api.post(organizer, "/v1/messages", Map.of("text", "nowhere")), 400);
        expect(api.post(organizer, "/v1/messages", Map.of("toPersonEmail", "nobody@example.com", "text", "hi")), 404);

        expect(api.get(bot, "/v1/messages/" + hello.text("id")), 200);
        expect(api.get(second, "/v1/messages/" + hello.text("id")), 404);
        expect(
                api.put(
                        organizer,
                        "/v1/messages/" + hello.text("id"),
                        Map.of("roomId", hello.text("roomId"), "markdown", "hello **again**")),
                200);
        expect(
                api.put(
                        bot,
                        "/v1/messages/" + hello.text("id"),
                        Map.of("roomId", hello.text("roomId"), "text", "not mine")),
                403);
        expect(
                api.put(
                        bot,
                        "/v1/messages/" + card.text("id"),
                        Map.of("roomId", card.text("roomId"), "text", "A card cannot be edited")),
                400);
        expect(api.put(bot, "/v1/messages/unknown", Map.of("roomId", card.text("roomId"), "text", "x")), 404);
        expect(api.get(bot, "/v1/messages?roomId=" + hello.text("roomId")), 200);
        expect(api.get(bot, "/v1/messages?roomId=" + team.id() + "&mentionedPeople=me"), 200);
        expect(api.callUnchecked(HttpMethod.GET, bot, "/v1/messages", null), 400);

        ContractRecorder.Call submitted = api.post(
                organizer,
                "/v1/attachment/actions",
                // The spec types inputs after its example (Name, Url, Email, Tel) and the request side is strict.
                Map.of("type", "submit", "messageId", card.text("id"), "inputs", Map.of("Email", "anna@example.com")));
        expect(submitted, 202);
        expect(
                api.post(
                        organizer,
                        "/v1/attachment/actions",
                        Map.of("type", "submit", "messageId", hello.text("id"), "inputs", Map.of())),
                400);
        expect(api.get(bot, "/v1/attachment/actions/" + submitted.text("id")), 200);
        expect(api.get(bot, "/v1/attachment/actions/unknown"), 404);
    }

    private void guests(EmulatorSeed seed) {
        expect(api.post(organizer, "/v1/guests/token", Map.of("subject", "x", "displayName", "X")), 403);
        expect(
                api.post(
                        seed.serviceApp().accessToken(), "/v1/guests/token", Map.of("subject", "", "displayName", "X")),
                400);
    }

    /** The admin spec's {@code POST /applications/{applicationId}/token}, success and each error it declares. */
    private void serviceAppTokens(EmulatorSeed seed) {
        EmulatorSeed.ServiceApp app = seed.serviceApp();
        String path = "/v1/applications/" + app.id() + "/token";
        Map<String, Object> body =
                Map.of("clientId", app.clientId(), "clientSecret", app.clientSecret(), "targetOrgId", seed.orgId());
        ContractRecorder.Call pair = api.post(organizer, path, body);
        expect(pair, 200);
        expect(
                api.post(
                        seed.serviceApp().accessToken(),
                        "/v1/guests/token",
                        Map.of("subject", "gg-contract", "displayName", "Anna")),
                200);
        expect(
                api.post(
                        pair.text("access_token"),
                        "/v1/guests/token",
                        Map.of("subject", "gg-contract", "displayName", "Anna")),
                200);
        expect(api.callUnchecked(HttpMethod.POST, organizer, path, Map.of("clientId", app.clientId())), 400);
        expect(
                api.post(
                        organizer,
                        path,
                        Map.of("clientId", app.clientId(), "clientSecret", "wrong", "targetOrgId", seed.orgId())),
                401);
        expect(
                api.post(
                        organizer,
                        path,
                        Map.of(
                                "clientId",
                                app.clientId(),
                                "clientSecret",
                                app.clientSecret(),
                                "targetOrgId",
                                EmulatorSeed.WebexIds.of("ORGANIZATION", "another-org"))),
                403);
        expect(api.post(organizer, "/v1/applications/unknown/token", body), 404);
        expect(api.post("not-a-token", path, body), 401);
    }

    private void faults(WebexEmulator webex) {
        webex.injectFault(Fault.status("GET /v1/people/me", 429, 1).withRetryAfter(2));
        ContractRecorder.Call limited = api.get(organizer, "/v1/people/me");
        expect(limited, 429);
        assertThat(limited.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        webex.injectFault(Fault.status("POST /v1/meetings", 503, 1));
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        expect(
                api.post(organizer, "/v1/meetings", meeting("Unavailable", start, start.plus(1, ChronoUnit.HOURS))),
                503);
        webex.injectFault(Fault.status("GET /v1/webhooks", 423, 1).withRetryAfter(1));
        expect(api.get(bot, "/v1/webhooks"), 423);
    }
}
