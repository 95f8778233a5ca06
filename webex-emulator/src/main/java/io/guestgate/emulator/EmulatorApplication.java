package io.guestgate.emulator;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Standalone start: {@code java -jar webex-emulator-*-exec.jar --server.port=8090 --emulator.seed=seed.json}.
 * Prints the seeded people and their tokens once it listens.
 */
public final class EmulatorApplication {

    private EmulatorApplication() {}

    public static void main(String[] args) {
        run(args);
    }

    static ConfigurableApplicationContext run(String... args) {
        SpringApplication app = new SpringApplication(EmulatorServer.class);
        app.setDefaultProperties(Map.of(
                "emulator.print-seed", "true",
                "server.port", "8090",
                "server.address", "127.0.0.1",
                "spring.jackson.default-property-inclusion", "non_null"));
        return app.run(args);
    }
}
