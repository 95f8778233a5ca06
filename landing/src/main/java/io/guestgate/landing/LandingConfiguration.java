package io.guestgate.landing;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The guest landing: invitation link, identity verification (OIDC), admission, guest token and the meeting page.
 * The runnable application imports this next to the guest list's configuration.
 * <p>
 * {@code landing-defaults.properties} carries defaults only (the web session's Redis namespace under the GuestGate
 * key prefix, its timeout); as a {@code @PropertySource} it ranks below every setting the application is given.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ConfigurationPropertiesScan
@PropertySource("classpath:landing/landing-defaults.properties")
public class LandingConfiguration {}
