package io.guestgate.bot.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.guestgate.bot.chain.WebhookEvent;
import io.guestgate.bot.chain.WebhookEvent.Kind;
import reactor.core.publisher.Mono;

/** The intake steps one by one, each with a lambda as "next". */
class IntakeStepsTest {

    private final WebhookSignature signature = new WebhookSignature("secret");
    private final List<Object> handedOn = new ArrayList<>();

    @Test
    void verifyHandsOnOnlySignedBodies() {
        VerifySignature verify = new VerifySignature(signature);
        byte[] body = envelope("messages", "created", "\"id\":\"M1\"").getBytes(StandardCharsets.UTF_8);

        HttpStatus forged = verify.apply(new RawWebhook(body, "00".repeat(20)), this::next).block();
        HttpStatus missing = verify.apply(new RawWebhook(body, null), this::next).block();
        assertThat(forged).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(missing).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(handedOn).isEmpty();

        HttpStatus signed = verify.apply(new RawWebhook(body, signature.sign(body)), this::next).block();
        assertThat(signed).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(handedOn).hasSize(1);
    }

    @Test
    void decodesMessagesAndCardActions() {
        DecodeEvent decode = new DecodeEvent();

        decode.apply(raw(envelope("messages", "created",
                "\"id\":\"M1\",\"roomId\":\"R1\",\"personId\":\"P1\",\"personEmail\":\"o@example.com\"")), this::next)
                .block();
        decode.apply(raw(envelope("attachmentActions", "created", "\"id\":\"A1\",\"roomId\":\"R1\",\"personId\":\"P1\"")),
                this::next).block();

        assertThat(handedOn).containsExactly(
                new WebhookEvent(Kind.MESSAGE, "M1", "R1", "P1", "o@example.com"),
                new WebhookEvent(Kind.CARD_ACTION, "A1", "R1", "P1", ""));
    }

    @Test
    void acknowledgesEventsItDoesNotHandleAndRefusesGarbage() {
        DecodeEvent decode = new DecodeEvent();

        assertThat(decode.apply(raw(envelope("messages", "deleted", "\"id\":\"M1\"")), this::next).block())
                .isEqualTo(HttpStatus.OK);
        assertThat(decode.apply(raw(envelope("memberships", "created", "\"id\":\"X1\"")), this::next).block())
                .isEqualTo(HttpStatus.OK);
        assertThat(decode.apply(raw("not json"), this::next).block()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(decode.apply(raw("[1,2]"), this::next).block()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(decode.apply(raw(envelope("messages", "created", "\"roomId\":\"R1\"")), this::next).block())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(decode.apply(raw(envelope("messages", "created", "\"id\":\"../../etc\"")), this::next).block())
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
