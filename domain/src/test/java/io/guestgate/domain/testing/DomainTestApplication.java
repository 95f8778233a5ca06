package io.guestgate.domain.testing;

import io.guestgate.domain.DomainConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Boots the guest list alone, on Spring Boot's Redis auto-configuration, with a {@link MutableClock}. */
@SpringBootApplication(scanBasePackages = "io.guestgate.domain.testing")
@Import({TestClockConfiguration.class, DomainConfiguration.class})
public class DomainTestApplication {}
