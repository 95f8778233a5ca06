package io.guestgate.app.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook deliveries as Webex sends them ({@code messages:created}, ids only, compact JSON), each with a data id of
 * its own and the {@code X-Spark-Signature} HMAC-SHA1 of its exact bytes. They are the bot's own messages, which the
 * chain drops after the intake without calling Webex, so the figure is the intake itself.
 */
final class WebhookRequests {

    private final String run;
    private final String botId;
    private final SecretKeySpec key;
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

    WebhookRequests(String run, String botId, String secret) {
        this.run = run;
        this.botId = botId;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    }

    /** The next delivery; its data id was never used before in this run ({@code ignored}: the generator's count). */
    LoadGenerator.Request next(long ignored) {
        long n = sequence.getAndIncrement();
        // Recent, as a live delivery is: a delivery older than the dedupe window is dropped as a replay.
        String created = java.time.Instant.now().toString();
        String body = "{\"id\":\"Y2lzY29zcGFyazovL3VzL1dFQkhPT0svYmVuY2g\",\"name\":\"guestgate-messages\","
                + "\"targetUrl\":\"https://guestgate.example.com/webhooks/webex\",\"resource\":\"messages\","
                + "\"event\":\"created\",\"orgId\":\"Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9iZW5jaA\","
                + "\"createdBy\":\"" + botId + "\",\"appId\":\"Y2lzY29zcGFyazovL3VzL0FQUExJQ0FUSU9OL2JlbmNo\","
                + "\"ownedBy\":\"creator\",\"status\":\"active\",\"created\":\"" + created + "\","
                + "\"actorId\":\"" + botId + "\",\"data\":{\"id\":\"bench-" + run + "-" + n + "\","
                + "\"roomId\":\"Y2lzY29zcGFyazovL3VzL1JPT00vYmVuY2g\",\"roomType\":\"direct\","
                + "\"personId\":\"" + botId + "\",\"personEmail\":\"guestgate@webex.bot\","
                + "\"created\":\"" + created + "\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new LoadGenerator.Request(bytes, Map.of("X-Spark-Signature", sign(bytes)));
    }

    /** How many deliveries were made so far. */
    long count() {
        return sequence.get();
    }

    private String sign(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
