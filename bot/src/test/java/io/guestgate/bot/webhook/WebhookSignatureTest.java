package io.guestgate.bot.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"id\":\"w1\",\"data\":{\"id\":\"m1\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsLikeRfc2202() {
        // RFC 2202, HMAC-SHA1 test case 2: an independent vector, not our own output.
        WebhookSignature signature = new WebhookSignature("Jefe");
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

        assertThat(signature.sign(data)).isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
        assertThat(signature.matches(data, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"))
                .isTrue();
    }

    @Test
    void rejectsForgedMissingMalformedAndOtherSecretSignatures() {
        WebhookSignature signature = new WebhookSignature("current-secret");
        String valid = signature.sign(BODY);

        assertThat(signature.matches(BODY, valid)).isTrue();
        assertThat(signature.matches(BODY, null)).isFalse();
        assertThat(signature.matches(BODY, "")).isFalse();
        assertThat(signature.matches(BODY, "not hex at all")).isFalse();
        assertThat(signature.matches(BODY, valid.substring(2))).isFalse();
        assertThat(signature.matches(BODY, (valid.charAt(0) == 'a' ? "b" : "a") + valid.substring(1)))
                .isFalse();
        assertThat(signature.matches(BODY, new WebhookSignature("stale-secret").sign(BODY)))
                .isFalse();
    }

    @Test
    void coversEveryByteOfTheBody() {
        WebhookSignature signature = new WebhookSignature("current-secret");
        String valid = signature.sign(BODY);
        byte[] reformatted = "{\"id\": \"w1\", \"data\": {\"id\": \"m1\"}}".getBytes(StandardCharsets.UTF_8);

        assertThat(signature.matches(reformatted, valid)).isFalse();
    }

    @Test
    void refusesToStartWithoutSecretAndNamesTheProperty() {
        assertThatThrownBy(() -> new WebhookSignature(" "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("guestgate.webex.webhook-secret");
    }
}
