package io.guestgate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The production jar (app/target/guestgate.jar) carries none of the sandbox's stand-ins: no Webex emulator, no
 * identity provider, no mail server, no embedded Redis, and none of the sandbox's own classes or settings. Here,
 * because the reactor packages app before this module's tests run.
 */
class ProductionJarTest {

    private static final Path JAR =
            Path.of(System.getProperty("guestgate.production.jar", "../app/target/guestgate.jar"));

    @Test
    void theProductionJarHoldsTheApplicationAndNoneOfTheSandboxsWorld() throws IOException {
        assertThat(JAR)
                .as("the production jar; build it with ./mvnw -pl app,sandbox -am verify")
                .isRegularFile();
        List<String> entries;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
        }
        List<String> libraries = entries.stream()
                .filter(name -> name.startsWith("BOOT-INF/lib/"))
                .map(name -> name.substring("BOOT-INF/lib/".length()))
                .toList();

        assertThat(libraries)
                .as("what production runs on")
                .anyMatch(name -> name.startsWith("spring-webflux-"))
                .anyMatch(name -> name.startsWith("bot-"))
                .anyMatch(name -> name.startsWith("landing-"));
        assertThat(entries).contains("BOOT-INF/classes/io/guestgate/app/GuestGateApplication.class");

        assertThat(libraries)
                .as("the sandbox's stand-ins")
                .noneMatch(name -> name.startsWith("webex-emulator-"))
                .noneMatch(name -> name.startsWith("mock-oauth2-server-"))
                .noneMatch(name -> name.startsWith("greenmail"))
                .noneMatch(name -> name.startsWith("embedded-redis-"));
        assertThat(entries)
                .as("the sandbox's classes, pages and settings")
                .noneMatch(name -> name.startsWith("BOOT-INF/classes/io/guestgate/sandbox/"))
                .noneMatch(name -> name.startsWith("BOOT-INF/classes/io/guestgate/app/sandbox/"))
                .noneMatch(name -> name.startsWith("BOOT-INF/classes/sandbox/"))
                .doesNotContain("BOOT-INF/classes/application-sandbox.yml");
    }
}
