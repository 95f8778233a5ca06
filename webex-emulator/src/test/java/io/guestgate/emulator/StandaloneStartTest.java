package io.guestgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.emulator.config.EmulatorSeed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

class StandaloneStartTest {

    static final Path EXAMPLE = Path.of("seed.example.json");

    @Test
    void startsFromSeedFileAndServesItsPeople() throws Exception {
        EmulatorSeed seed = EmulatorSeed.read(EXAMPLE);
        try (ConfigurableApplicationContext context = EmulatorApplication.run(
                "--server.port=0", "--emulator.seed=" + EXAMPLE, "--emulator.print-seed=false")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + port)
                    .build()
                    .get()
                    .uri("/v1/people/me")
                    .headers(h -> h.setBearerAuth(seed.organizer().accessToken()))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.emails[0]")
                    .isEqualTo("olivia.organizer@example.com")
                    .jsonPath("$.id")
                    .isEqualTo(seed.organizer().id())
                    .jsonPath("$.nullField")
                    .doesNotExist();
        }
    }

    @Test
    void seedFileGetsDerivedIdsAndDefaults() throws Exception {
        EmulatorSeed seed = EmulatorSeed.read(EXAMPLE);
        assertThat(seed.organizer().id()).isEqualTo(EmulatorSeed.WebexIds.of("PEOPLE", "olivia.organizer@example.com"));
        assertThat(seed.bot().id()).isNotBlank();
        assertThat(seed.orgId()).isNotBlank();
        assertThat(seed.guestIssuer().decodedSecret()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void unreadableSeedFailsStartWithThePropertyName() {
        assertThatThrownBy(() -> EmulatorApplication.run("--server.port=0", "--emulator.seed=/nonexistent/seed.json"))
                .hasStackTraceContaining("emulator.seed");
    }

    @Test
    void printsPeopleAndTokensForTheConsole() {
        EmulatorSeed seed = EmulatorSeed.defaults();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SeedPrinter(seed, null).print(new PrintStream(out, true, StandardCharsets.UTF_8), 8090);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains(
                        "http://127.0.0.1:8090/v1",
                        seed.organizer().email(),
                        seed.organizer().accessToken(),
                        seed.bot().accessToken(),
                        seed.integration().clientId(),
                        seed.guestIssuer().id(),
                        seed.serviceApp().accessToken());
    }
}
