package io.guestgate.bot.webhook;

import java.util.Objects;

/**
 * A webhook request as received: the body's exact bytes and the {@code X-Spark-Signature} header (null if absent).
 * The signature covers these bytes, so nothing may parse and re-serialise them before it is checked.
 */
record RawWebhook(byte[] body, String signature) {

    RawWebhook {
        Objects.requireNonNull(body, "body");
    }
}
