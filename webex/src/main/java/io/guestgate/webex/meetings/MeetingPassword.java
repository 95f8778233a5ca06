package io.guestgate.webex.meetings;

/**
 * The password of a meeting, as {@code GET /meetings/{id}} shows it to the host. Kept apart from {@link Meeting}, which
 * never carries it, so that it is read only where a verified guest needs it; {@link #toString()} hides it.
 *
 * @param excludePassword true when the password is left out of Webex's invitation mails; the meeting still asks
 *                        for it, so it does not change what a guest needs
 */
public record MeetingPassword(String password, Boolean excludePassword) {

    /** The password a guest must enter, if the meeting has one. */
    public java.util.Optional<String> needed() {
        return password == null || password.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(password);
    }

    @Override
    public String toString() {
        return "MeetingPassword[password=" + (password == null ? null : "redacted") + ", excludePassword="
                + excludePassword + "]";
    }
}
