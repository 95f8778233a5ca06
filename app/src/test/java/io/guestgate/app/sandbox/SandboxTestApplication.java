package io.guestgate.app.sandbox;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import io.guestgate.guestlist.GuestlistConfiguration;

/** The sandbox on the guest list alone, without bot and landing: tests of the sandbox's own machinery. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(GuestlistConfiguration.class)
@ComponentScan(basePackageClasses = SandboxTestApplication.class)
class SandboxTestApplication {
}
