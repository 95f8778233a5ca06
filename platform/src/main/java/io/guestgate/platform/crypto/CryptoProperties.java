package io.guestgate.platform.crypto;

import io.guestgate.platform.settings.InvalidPropertiesException;
import io.guestgate.platform.settings.Violation;
import io.guestgate.platform.settings.Violations;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key ring that seals tokens at rest.
 *
 * @param keys      key id → base64 of 32 random bytes (an AES-256 key), e.g. from {@code openssl rand -base64 32};
 *                  keep retired keys here so that values sealed with them stay readable
 * @param activeKey the id of the key that seals every new write
 */
@ConfigurationProperties("guestgate.crypto")
public record CryptoProperties(Map<String, String> keys, String activeKey) {

    static final int KEY_BYTES = 32;
    /** Key ids end up inside every sealed value, so they are restricted to characters that need no escaping. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public CryptoProperties {
        Violations violations = new Violations();
        if (keys == null || keys.isEmpty()) {
            violations.add(
                    "guestgate.crypto.keys",
                    "missing; set guestgate.crypto.keys.<id> to the base64 of 32 "
                            + "random bytes (openssl rand -base64 32)");
            keys = Map.of();
        }
        keys.forEach((id, value) -> problem(id, value).ifPresent(violations::add));
        if (activeKey == null || activeKey.isBlank()) {
            violations.add(
                    "guestgate.crypto.active-key",
                    "missing; set it to the id of the key in " + "guestgate.crypto.keys that encrypts new writes");
        } else if (!keys.isEmpty() && !keys.containsKey(activeKey)) {
            violations.add(
                    "guestgate.crypto.active-key", "names '" + activeKey + "', which is not in guestgate.crypto.keys");
        }
        violations.throwIfAny();
        keys = Map.copyOf(keys);
    }

    /** The raw key bytes; the messages name the property but never echo key material. */
    static byte[] decode(String id, String base64) {
        problem(id, base64).ifPresent(violation -> {
            throw new InvalidPropertiesException(List.of(violation));
        });
        return Base64.getDecoder().decode(base64.strip());
    }

    private static Optional<Violation> problem(String id, String base64) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            return Optional.of(new Violation(
                    "guestgate.crypto.keys", "key id '" + id + "' must be 1-32 letters, digits, '-' or '_'"));
        }
        String property = "guestgate.crypto.keys." + id;
        if (base64 == null || base64.isBlank()) {
            return Optional.of(
                    new Violation(property, "is empty; it must be the base64 of exactly " + KEY_BYTES + " bytes"));
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            return Optional.of(new Violation(property, "is not valid base64"));
        }
        if (key.length != KEY_BYTES) {
            return Optional.of(new Violation(
                    property,
                    "must be the base64 of exactly " + KEY_BYTES + " bytes (an AES-256 key), but decodes to "
                            + key.length));
        }
        return Optional.empty();
    }

    /** Never print key material, whoever logs or dumps this object. */
    @Override
    public String toString() {
        return "CryptoProperties[keys=" + keys.keySet() + ", activeKey=" + activeKey + "]";
    }
}
