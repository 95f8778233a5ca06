package io.guestgate.emulator.oauth;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** Who is "signed in to Webex" in the emulated browser; when set, /authorize redirects at once. */
@Component
public class SignIn {

    private final AtomicReference<String> personId = new AtomicReference<>();

    public void signInAs(String id) {
        personId.set(id);
    }

    public void signOut() {
        personId.set(null);
    }

    Optional<String> current() {
        return Optional.ofNullable(personId.get());
    }
}
