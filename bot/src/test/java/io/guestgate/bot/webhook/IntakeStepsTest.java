package io.guestgate.bot.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.bot.BotProperties;
import io.guestgate.bot.chain.WebhookEvent;
import io.guestgate.bot.chain.WebhookEvent.Kind;
import io.guestgate.bot.i18n.Language;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/** The intake steps one by one, each with a lambda as "next". */
class IntakeStepsTest {

    private static final BotProperties PROPERTIES = new BotProperties(
            Language.EN,
            new BotProperties.Intake(
                    Duration.ofHours(24),
                    8,
                    1000,
                    Duration.ofMinutes(2),
                    Duration.ofSeconds(20),
                    Duration.ofMinutes(3),
                    null));
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    private final WebhookSignature signature = new WebhookSignature("secret");
    private final List<Object> handedOn = new ArrayList<>();

    @Test
    void verifyHandsOnOnlySignedBodies() {
        VerifySignature verify = new VerifySignature(signature);
        byte[] body = envelope("messages", "created", "\"id\":\"M1\"").getBytes(StandardCharsets.UTF_8);

        HttpStatus forged =
                verify.apply(new RawWebhook(body, "00".repeat(20)), this::next).block();
        HttpStatus missing =
                verify.apply(new RawWebhook(body, null), this::next).block();
        assertThat(forged).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(missing).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(handedOn).isEmpty();

        HttpStatus signed = verify.apply(new RawWebhook(body, signature.sign(body)), this::next)
                .block();
        assertThat(signed).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(handedOn).hasSize(1);
    }

    @Test
    void decodesMessagesAndCardActions() {
        DecodeEvent decode = new DecodeEvent(PROPERTIES, NOW);

        decode.apply(
                        raw(
                                envelope(
                                        "messages",
                                        "created",
                                        "\"id\":\"M1\",\"roomId\":\"R1\",\"personId\":\"P1\",\"personEmail\":\"o@example.com\"")),
                        this::next)
                .block();
        decode.apply(
                        raw(envelope(
                                "attachmentActions", "created", "\"id\":\"A1\",\"roomId\":\"R1\",\"personId\":\"P1\"")),
                        this::next)
                .block();

        assertThat(handedOn)
                .containsExactly(
                        new WebhookEvent(Kind.MESSAGE, "M1", "R1", "P1", "o@example.com"),
                        new WebhookEvent(Kind.CARD_ACTION, "A1", "R1", "P1", ""));
    }

    @Test
    void decodesParticipantChangesWithADedupeIdPerParticipantEventAndState() {
        DecodeEvent decode = new DecodeEvent(PROPERTIES, NOW);
        String participant = "\"id\":\"S1_I_42_p-1\",\"meetingId\":\"S1_I_42\"";

        decode.apply(raw(envelope("meetingParticipants", "joined", participant + ",\"state\":\"lobby\"")), this::next)
                .block();
        decode.apply(raw(envelope("meetingParticipants", "joined", participant + ",\"state\":\"joined\"")), this::next)
                .block();
        decode.apply(raw(envelope("meetingParticipants", "left", participant + ",\"state\":\"end\"")), this::next)
                .block();

        assertThat(handedOn).hasSize(3).allSatisfy(event -> {
            WebhookEvent change = (WebhookEvent) event;
            assertThat(change.kind()).isEqualTo(Kind.PARTICIPANT);
            assertThat(change.meetingId()).isEqualTo("S1_I_42");
            assertThat(change.dataId()).startsWith("mp-");
        });
        assertThat(handedOn)
                .extracting(event -> ((WebhookEvent) event).dataId())
                .doesNotHaveDuplicates();
        assertThat(decode.apply(raw(envelope("meetingParticipants", "updated", participant)), this::next)
                        .block())
                .isEqualTo(HttpStatus.OK);
        assertThat(decode.apply(raw(envelope("meetingParticipants", "joined", "\"id\":\"p-1\"")), this::next)
                        .block())
                .as("no meeting id")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(handedOn).hasSize(3);
    }

    @Test
    void decodesMeetingChangesWithADedupeIdPerChange() {
        DecodeEvent decode = new DecodeEvent(PROPERTIES, NOW);
        String meeting = "\"id\":\"S1\",\"title\":\"Roadmap\",\"end\":\"2026-12-06T11:00:00+01:00\"";

        decode.apply(
                        raw(envelope("meetings", "updated", meeting + ",\"start\":\"2026-12-06T10:00:00+01:00\"")),
                        this::next)
                .block();
        decode.apply(
                        raw(envelope("meetings", "updated", meeting + ",\"start\":\"2026-12-06T10:15:00+01:00\"")),
                        this::next)
                .block();
        decode.apply(raw(envelope("meetings", "deleted", meeting)), this::next).block();

        assertThat(handedOn).hasSize(3).allSatisfy(event -> {
            WebhookEvent change = (WebhookEvent) event;
            assertThat(change.kind()).isEqualTo(Kind.MEETING);
            assertThat(change.meetingId()).isEqualTo("S1");
            assertThat(change.dataId()).startsWith("mt-");
            assertThat(change.isAboutAMeeting()).isTrue();
        });
        assertThat(handedOn)
                .extracting(event -> ((WebhookEvent) event).dataId())
                .doesNotHaveDuplicates();
        assertThat(decode.apply(raw(envelope("meetings", "started", meeting)), this::next)
                        .block())
                .isEqualTo(HttpStatus.OK);
        assertThat(decode.apply(raw(envelope("meetings", "updated", "\"title\":\"x\"")), this::next)
                        .block())
                .as("no meeting id")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(handedOn).hasSize(3);
    }

    @Test
    void dropsMessagesCreatedBeforeTheDedupeWindow() {
        DecodeEvent decode = new DecodeEvent(PROPERTIES, NOW);

        assertThat(decode.apply(
                                raw(envelope(
                                        "messages",
                                        "created",
                                        "\"id\":\"M1\",\"roomId\":\"R1\"," + "\"created\":\"2026-12-04T09:59:59Z\"")),
                                this::next)
                        .block())
                .isEqualTo(HttpStatus.OK);
        decode.apply(
                        raw(envelope(
                                "messages",
                                "created",
                                "\"id\":\"M2\",\"roomId\":\"R1\"," + "\"created\":\"2026-12-04T10:00:01Z\"")),
                        this::next)
                .block();

        assertThat(handedOn)
                .extracting(event -> ((WebhookEvent) event).dataId())
                .containsExactly("M2");
    }

    @Test
    void acknowledgesEventsItDoesNotHandleAndRefusesGarbage() {
        DecodeEvent decode = new DecodeEvent(PROPERTIES, NOW);

        assertThat(decode.apply(raw(envelope("messages", "deleted", "\"id\":\"M1\"")), this::next)
                        .block())
                .isEqualTo(HttpStatus.OK);
        assertThat(decode.apply(raw(envelope("memberships", "created", "\"id\":\"X1\"")), this::next)
                        .block())
                .isEqualTo(HttpStatus.OK);
        assertThat(decode.apply(raw("not json"), this::next).block()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(decode.apply(raw("[1,2]"), this::next).block()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(decode.apply(raw(envelope("messages", "created", "\"roomId\":\"R1\"")), this::next)
                        .block())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(decode.apply(raw(envelope("messages", "created", "\"id\":\"../../etc\"")), this::next)
                        .block())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(handedOn).isEmpty();
    }

    private Mono<HttpStatus> next(Object output) {
        handedOn.add(output);
        return Mono.just(HttpStatus.ACCEPTED);
    }

    private static RawWebhook raw(String body) {
        return new RawWebhook(body.getBytes(StandardCharsets.UTF_8), null);
    }

    static String envelope(String resource, String event, String data) {
        return "{\"id\":\"W1\",\"name\":\"guestgate\",\"resource\":\"" + resource + "\",\"event\":\"" + event
                + "\",\"actorId\":\"P1\",\"data\":{" + data + "}}";
    }
}
