package io.guestgate.sandbox;

import io.guestgate.app.GuestGateApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The offline sandbox: GuestGate with the profile {@code sandbox}, whose {@link SandboxRunListener} starts the world
 * the application runs in and generates every setting the application needs. So this main, and only this one, starts
 * GuestGate without the production settings check. The production jar holds none of it.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class SandboxApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = GuestGateApplication.withoutSettingsCheck(SandboxApplication.class);
        application.setAdditionalProfiles(SandboxRunListener.PROFILE);
        return application;
    }
}
