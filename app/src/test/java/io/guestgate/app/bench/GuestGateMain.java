package io.guestgate.app.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

import io.guestgate.app.GuestGateApplication;

/**
 * Starts GuestGate in a benchmark's child process exactly as {@code GuestGateApplication.main} does (production
 * settings check included), except for the TEMPORARY bean naming that works around the "linkPages" clash (see
 * ApplicationStartTest); remove it, and run {@code GuestGateApplication} itself, once that is fixed.
 */
public final class GuestGateMain {

    private GuestGateMain() {
    }

    public static void main(String[] args) {
        SpringApplication application = GuestGateApplication.application();
        application.setBeanNameGenerator(FullyQualifiedAnnotationBeanNameGenerator.INSTANCE);
        application.run(args);
    }
}
