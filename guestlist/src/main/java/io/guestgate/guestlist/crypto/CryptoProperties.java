package io.guestgate.guestlist.crypto;

import java.util.Base64;
import java.util.Map;
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
record CryptoProperties(Map<String, String> keys, String activeKey) {

    static final int KEY_BYTES = 32;
    /** Key ids end up inside every sealed value, so they are restricted to characters that need no escaping. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    CryptoProperties {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("Set guestgate.crypto.keys: at least one key id → base64 of 32 random "
                    + "bytes, e.g. guestgate.crypto.keys.k1=$(openssl rand -base64 32)");
        }
        keys.forEach((id, value) -> decode(id, value));
        if (activeKey == null || activeKey.isBlank()) {
            throw new IllegalArgumentException("Set guestgate.crypto.active-key to one of the ids in guestgate.crypto.keys");
        }
        if (!keys.containsKey(activeKey)) {
            throw new IllegalArgumentException("guestgate.crypto.active-key names '" + activeKey
                    + "', which is not an id in guestgate.crypto.keys");
        }
        keys = Map.copyOf(keys);
    }

    /** The raw key bytes; the messages name the property but never echo key material. */
    static byte[] decode(String id, String base64) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("guestgate.crypto.keys: key id '" + id
                    + "' must be 1-32 letters, digits, '-' or '_'");
        }
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("guestgate.crypto.keys." + id + " is empty; it must be base64 of 32 bytes");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        }
        catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("guestgate.crypto.keys." + id + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("guestgate.crypto.keys." + id + " must decode to " + KEY_BYTES
                    + " bytes (AES-256), but decodes to " + key.length);
        }
        return key;
    }

    /** Never print key material, whoever logs or dumps this object. */
    @Override
    public String toString() {
        return "CryptoProperties[keys=" + keys.keySet() + ", activeKey=" + activeKey + "]";
    }
}
