package io.guestgate.guestlist.testing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import io.guestgate.guestlist.GuestlistConfiguration;

/** Boots the guest list alone, on Spring Boot's Redis auto-configuration. */
@SpringBootApplication(scanBasePackages = "io.guestgate.guestlist.testing")
@Import(GuestlistConfiguration.class)
public class GuestlistTestApplication {
}
