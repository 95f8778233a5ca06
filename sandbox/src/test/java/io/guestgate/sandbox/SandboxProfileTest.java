package io.guestgate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.emulator.config.EmulatorSeed;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sandbox's main with no production setting given: the world starts with it, the application points at it, the
 * console speaks to the emulator as the organizer and the bot answers, the mailbox reads GreenMail, and closing the
 * context stops every server and the embedded redis-server process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxProfileTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private Set<Long> redisBefore;
    private ConfigurableApplicationContext context;
    private SandboxWorld world;
    private WebTestClient app;
    private WebTestClient emulator;

    @BeforeAll
    void start() {
        redisBefore = redisServerProcesses();
        // As scripts/sandbox starts it, but with free ports everywhere (tests run side by side) and the embedded
        // Redis, whose process must not outlive the context.
        context = SandboxApplication.application()
                .run(
                        "--server.port=0",
                        "--guestgate.sandbox.ports.emulator=0",
                        "--guestgate.sandbox.ports.identity-provider=0",
                        "--guestgate.sandbox.ports.smtp=0",
                        "--guestgate.sandbox.ports.imap=0",
                        "--guestgate.sandbox.redis=embedded");
        world = context.getBean(SandboxWorld.class);
        app = WebTestClient.bindToServer()
                .baseUrl(world.publicBaseUrl())
                .responseTimeout(Duration.ofSeconds(10))
                .build();
        emulator = WebTestClient.bindToServer()
                .baseUrl(world.webex().emulator().baseUrl())
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @Order(1)
    void startsEveryServiceOfTheWorld() throws IOException {
        assertThat(world.redis().isEmbedded()).isTrue();
        assertThat(SandboxRedis.answers(SandboxRedis.HOST, world.redis().port()))
                .isTrue();
        assertThat(greeting(world.mail().smtpPort())).startsWith("220 ");
        assertThat(greeting(world.mail().imapPort())).startsWith("* OK");
        Map<String, Object> discovery = get(
                WebTestClient.bindToServer()
                        .responseTimeout(Duration.ofSeconds(10))
                        .build(),
                world.identityProvider().issuerUri() + "/.well-known/openid-configuration",
                null);
        assertThat(discovery).containsEntry("issuer", world.identityProvider().issuerUri());
        Map<String, Object> me =
                get(emulator, "/v1/people/me", world.webex().seed().organizer().accessToken());
        assertThat(me).containsEntry("displayName", "Olivia Organizer");
        app.get().uri("/").exchange().expectStatus().isSeeOther().expectHeader().location("/sandbox/console");
        app.get()
                .uri("/sandbox/console")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .valueEquals("Content-Security-Policy", SandboxRoutes.CSP);
    }

    @Test
    @Order(2)
    void pointsTheApplicationAtTheWorld() {
        var env = context.getEnvironment();
        assertThat(env.getProperty("local.server.port", Integer.class)).isEqualTo(world.appPort());
        assertThat(env.getProperty("guestgate.public-base-url")).isEqualTo("http://localhost:" + world.appPort());
        assertThat(env.getProperty("guestgate.sandbox.enabled")).isEqualTo("true");
        assertThat(env.getProperty("guestgate.webex.api-base-url"))
                .isEqualTo(world.webex().emulator().apiBaseUrl());
        assertThat(env.getProperty("spring.data.redis.port", Integer.class))
                .isEqualTo(world.redis().port());
        assertThat(env.getProperty("spring.mail.port", Integer.class))
                .isEqualTo(world.mail().smtpPort());
        assertThat(env.getProperty("spring.security.oauth2.client.provider.ichapp.issuer-uri"))
                .isEqualTo(world.identityProvider().issuerUri());
        assertThat(env.getProperty("spring.security.oauth2.client.registration.ichapp.scope"))
                .isEqualTo("openid,profile,email");
        assertThat(env.getProperty("guestgate.webex.integration.redirect-uri"))
                .isEqualTo(world.publicBaseUrl() + "/oauth/webex/callback");
        assertThat(world.webex().seed().integration().redirectUris())
                .containsExactly(world.publicBaseUrl() + "/oauth/webex/callback");
        assertThat(env.getProperty("guestgate.redis.key-prefix"))
                .startsWith("guestgate-sandbox-")
                .endsWith(":");
    }

    @Test
    @Order(3)
    void registersTheBotsWebhooksAtTheEmulator() {
        Map<String, Object> hooks =
                get(emulator, "/v1/webhooks", world.webex().seed().bot().accessToken());
        List<Map<String, Object>> items = items(hooks);
        assertThat(items)
                .extracting(h -> h.get("resource") + ":" + h.get("event"))
                .containsExactlyInAnyOrder("messages:created", "attachmentActions:created");
        assertThat(items).allSatisfy(h -> {
            assertThat(h.get("targetUrl")).isEqualTo(world.publicBaseUrl() + "/webhooks/webex");
            assertThat(h.get("status")).isEqualTo("active");
        });
    }

    @Test
    @Order(3)
    void thePagesAnswerHeadLikeGet() {
        for (String page : List.of("/sandbox/console", "/sandbox/mailbox")) {
            app.head()
                    .uri(page)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML);
        }
    }

    @Test
    @Order(4)
    void consoleWritesToTheBotAsTheOrganizerThroughTheEmulatorAndTheBotAnswers() {
        app.post()
                .uri("/sandbox/api/console/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "help"))
                .exchange()
                .expectStatus()
                .isOk();

        EmulatorSeed seed = world.webex().seed();
        List<Map<String, Object>> all = items(get(emulator, "/_emulator/messages", null));
        assertThat(all).anySatisfy(m -> {
            assertThat(m.get("text")).isEqualTo("help");
            assertThat(m.get("personEmail")).isEqualTo(seed.organizer().email());
            assertThat(m.get("toPersonEmail")).isEqualTo(seed.bot().email());
            assertThat(m.get("roomType")).isEqualTo("direct");
        });
        Map<String, Object> console = get(app, "/sandbox/api/console", null);
        assertThat(items(console, "messages")).anySatisfy(m -> {
            assertThat(m.get("text")).isEqualTo("help");
            assertThat(m.get("fromBot")).isEqualTo(false);
        });

        // The emulator delivered the signed webhook; the bot fetched the message and answered in the same space.
        List<Map<String, Object>> answers = Awaitility.await("the bot's answer to help")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> items(get(app, "/sandbox/api/console", null), "messages").stream()
                                .filter(m -> Boolean.TRUE.equals(m.get("fromBot")))
                                .toList(),
                        found -> !found.isEmpty());
        assertThat(answers.get(0).get("author")).isEqualTo(seed.bot().email());
        assertThat(String.valueOf(answers.get(0).get("markdown"))
                        + answers.get(0).get("text"))
                .contains("login");
    }

    @Test
    @Order(5)
    void refusesConsoleWritesThatAreNotSameOriginJson() {
        app.post()
                .uri("/sandbox/api/console/messages")
                .header("Origin", "http://attacker.example")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "logout"))
                .exchange()
                .expectStatus()
                .isForbidden();
        app.post()
                .uri("/sandbox/api/console/messages")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("text=logout")
                .exchange()
                .expectStatus()
                .isEqualTo(415);
        app.post()
                .uri("/sandbox/api/console/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "   "))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("empty-text");
        List<Map<String, Object>> all = items(get(emulator, "/_emulator/messages", null));
        assertThat(all).noneSatisfy(m -> assertThat(m.get("text")).isEqualTo("logout"));
    }

    @Test
    @Order(6)
    void mailboxListsMailThatArrivedInGreenMail() throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", SandboxRedis.HOST);
        smtp.put("mail.smtp.port", String.valueOf(world.mail().smtpPort()));
        MimeMessage mail = new MimeMessage(Session.getInstance(smtp));
        mail.setFrom(new InternetAddress("guestgate@sandbox.test", "GuestGate"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("anna@example.test", "Anna Müller", "UTF-8"));
        mail.setSubject("Einladung: Review", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Ihr Link: http://localhost:8080/join/abc123\n", "UTF-8");
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setContent(
                "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n",
                "text/calendar; method=REQUEST; charset=UTF-8");
        mail.setContent(new MimeMultipart("alternative", text, calendar));
        Transport.send(mail);

        Map<String, Object> mailbox = get(app, "/sandbox/api/mails", null);
        List<Map<String, Object>> mails = items(mailbox, "mails");
        assertThat(mails).hasSize(1);
        Map<String, Object> first = mails.get(0);
        assertThat(first.get("subject")).isEqualTo("Einladung: Review");
        assertThat(first.get("to")).isEqualTo(List.of("Anna Müller <anna@example.test>"));
        assertThat(first.get("links")).isEqualTo(List.of("http://localhost:8080/join/abc123"));
        assertThat((String) first.get("calendar")).contains("METHOD:REQUEST");
        app.get()
                .uri("/sandbox/mailbox")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    @Order(100)
    void stopsEverythingItStartedWhenTheContextCloses() {
        Set<Long> redisDuring = redisServerProcesses();
        redisDuring.removeAll(redisBefore);
        assertThat(redisDuring).as("the embedded redis-server child process").hasSize(1);
        List<Integer> ports = List.of(
                world.appPort(),
                world.webex().emulator().port(),
                world.identityProvider().port(),
                world.mail().smtpPort(),
                world.mail().imapPort(),
                world.redis().port());
        assertThat(ports).allMatch(SandboxProfileTest::listening);

        context.close();
        context = null;

        assertThat(world.isClosed()).isTrue();
        for (Long pid : redisDuring) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("redis-server %d after close", pid)
                    .isFalse();
        }
        assertThat(ports).noneMatch(SandboxProfileTest::listening);
    }

    private static Set<Long> redisServerProcesses() {
        return ProcessHandle.current()
                .descendants()
                .filter(p ->
                        p.info().command().map(c -> c.contains("redis-server")).orElse(false))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(SandboxRedis.HOST, port), 500);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static String greeting(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(SandboxRedis.HOST, port), 1000);
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            byte[] line = new byte[4];
            int read = in.readNBytes(line, 0, 4);
            return new String(line, 0, read, StandardCharsets.US_ASCII);
        }
    }

    private static Map<String, Object> get(WebTestClient client, String uri, String token) {
        return client.get()
                .uri(uri)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    private static List<Map<String, Object>> items(Map<String, Object> body) {
        return items(body, "items");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }
}
