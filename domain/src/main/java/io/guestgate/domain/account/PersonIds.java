package io.guestgate.domain.account;

/** Webex person ids become part of Redis keys and sealing bindings, so they are checked before use. */
final class PersonIds {

    private static final int MAX_LENGTH = 256;

    private PersonIds() {}

    static String require(String personId) {
        if (personId == null || personId.isBlank() || personId.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not a Webex person id");
        }
        for (int i = 0; i < personId.length(); i++) {
            char c = personId.charAt(i);
            // Braces would break the Redis Cluster hash tag; control characters have no place in an id.
            if (c == '{' || c == '}' || Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("not a Webex person id");
            }
        }
        return personId;
    }
}
