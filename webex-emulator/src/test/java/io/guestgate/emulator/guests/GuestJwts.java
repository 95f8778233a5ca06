package io.guestgate.emulator.guests;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints HS256 JWTs the way a Guest Issuer client does, independently of the emulator's verifier. */
public final class GuestJwts {

    private GuestJwts() {}

    public static String sign(byte[] key, String claimsJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String claims(String sub, String name, String iss, long exp) {
        return "{\"sub\":\"" + sub + "\",\"name\":\"" + name + "\",\"iss\":\"" + iss + "\",\"exp\":" + exp + "}";
    }
}
