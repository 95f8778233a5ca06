package io.guestgate.guestlist.testing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import io.guestgate.guestlist.GuestlistConfiguration;

/** Boots the guest list alone, on Spring Boot's Redis auto-configuration, with a {@link MutableClock}. */
@SpringBootApplication(scanBasePackages = "io.guestgate.guestlist.testing")
@Import({TestClockConfiguration.class, GuestlistConfiguration.class})
public class GuestlistTestApplication {
}
