package io.guestgate.bot.webhook;

import io.guestgate.platform.webex.WebexProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Webex's webhook signature: the lowercase hex HMAC-SHA1 of the raw body, keyed with the webhook secret. Checked over
 * the bytes as received and compared in constant time, so neither re-serialised JSON nor timing can fake it.
 */
@Component
class WebhookSignature {

    static final String HEADER = "X-Spark-Signature";
    private static final String ALGORITHM = "HmacSHA1";

    private final SecretKeySpec key;
    /**
     * One keyed {@link Mac} per thread: a Mac is not thread-safe, and looking one up and keying it for every delivery
     * cost more than the HMAC itself. {@code doFinal} leaves it ready for the next body.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    @Autowired
    WebhookSignature(WebexProperties properties) {
        this(properties.webhookSecret());
    }

    WebhookSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(
                    "Set guestgate.webex.webhook-secret: the bot's webhooks are registered with it, and every "
                            + "delivery is verified with it");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature Webex would send for {@code body}. */
    String sign(byte[] body) {
        return HexFormat.of().formatHex(mac(body));
    }

    /** True only when {@code header} is the signature of exactly these bytes. */
    boolean matches(byte[] body, String header) {
        if (header == null) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header.strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), claimed);
    }

    private byte[] mac(byte[] body) {
        return macs.get().doFinal(body);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
