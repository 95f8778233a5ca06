package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.app.GuestGateApplication;
import io.guestgate.domain.account.OrganizerAccount;
import io.guestgate.domain.account.OrganizerAccounts;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStatus;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.messages.Message;
import io.guestgate.emulator.messages.Room;
import io.guestgate.landing.support.Browser;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.WebexClientSettings;
import io.guestgate.webex.messages.CreateMessageRequest;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.webhooks.CreateWebhookRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * GuestGate as operators run it, on one machine: several instances of the real application (each a Spring context
 * on a random port, started as {@code main} starts it, production settings check included) sharing one Redis and
 * one key prefix, behind a {@link LoadBalancer} whose address is the public base URL; and the world around them, all
 * real servers: the Webex emulator, mock-oauth2-server standing in for ich.app, and GreenMail as the SMTP relay.
 */
public final class ScaleWorld implements AutoCloseable {

    public static final String WEBHOOK_PATH = "/webhooks/webex";
    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
    public static final String IDP_CLIENT_ID = "guestgate-scale";
    public static final String IDP_ISSUER = "ichapp";
    private static final Pattern LOGIN_LINK =
            Pattern.compile("\\((https?://[^)\\s]+/oauth/webex/start\\?state=[^)\\s]+)\\)");

    private final LoadBalancer balancer;
    private final WebexEmulator webex;
    private final MockOAuth2Server identityProvider;
    private final Smtp smtp;
    private final String keyPrefix = DomainTestProperties.uniquePrefix();
    private final String webhookSecret = "scale-webhook-secret-" + UUID.randomUUID();
    private final String cryptoKey = DomainTestProperties.randomKey();
    private final Map<String, String> redis;
    private final Map<String, String> extra;
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final WebexClient client;

    private ScaleWorld(Options options) {
        this.redis = Map.copyOf(options.redis);
        this.extra = new LinkedHashMap<>(options.appProperties);
        this.balancer = LoadBalancer.start();
        EmulatorSeed defaults = EmulatorSeed.defaults();
        EmulatorSeed seed = defaults.withIntegration(
                defaults.integration().withRedirectUris(List.of(balancer.url() + "/oauth/webex/callback")));
        WebexEmulator.Builder emulator = WebexEmulator.builder()
                .seed(seed)
                // Webex keeps redelivering a failed webhook for a while; a webhook that fails is not switched off here.
                .property("emulator.webhooks.max-attempts", "10")
                .property("emulator.webhooks.initial-backoff", "PT0.25S")
                .property("emulator.webhooks.max-consecutive-failures", "1000000");
        options.emulatorProperties.forEach(emulator::property);
        this.webex = emulator.start();
        this.identityProvider = new MockOAuth2Server();
        try {
            identityProvider.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        this.smtp = Smtp.start();
        this.client = WebexClient.create(
                WebexClientSettings.defaults().withApiBaseUrl(URI.create(webex.apiBaseUrl())), WebClient.builder());
    }

    /** Starts the world and {@code options.instances} instances; the caller closes it. */
    public static ScaleWorld start(Options options) {
        ScaleWorld world = new ScaleWorld(options);
        try {
            for (int i = 0; i < options.instances; i++) {
                world.startInstance();
            }
            return world;
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
    }

    /** Starts one more instance and adds it behind the balancer; returns its index. */
    public int startInstance() {
        int index = instances.size();
        SpringApplication application = GuestGateApplication.application();
        application.setRegisterShutdownHook(false);
        // Reactor Netty resources of its own for every instance. With the global ones (Spring Boot's default for one
        // application per JVM), closing one context disposes the event loops that every other context in this JVM
        // still serves and calls on, and those instances stop answering.
        application.addInitializers(
                context -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
                    ReactorResourceFactory resources = new ReactorResourceFactory();
                    resources.setUseGlobalResources(false);
                    return resources;
                }));
        instances.add(application.run(applicationProperties("instance-" + index).entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new)));
        balancer.backends(instances.stream().map(ScaleWorld::port).toList());
        return index;
    }

    /**
     * Everything an instance is started with: the settings production needs, pointed at this world. {@code name}
     * shows in the sender address of the mail that instance sends.
     */
    public Map<String, String> applicationProperties(String name) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server.port", "0");
        // Health and metrics on a port of their own, as in production: see managementUrl.
        p.put("management.server.port", "0");
        p.put("guestgate.public-base-url", balancer.url());
        p.put("guestgate.redis.key-prefix", keyPrefix);
        p.put("guestgate.crypto.keys.scale", cryptoKey);
        p.put("guestgate.crypto.active-key", "scale");
        p.putAll(redis);
        EmulatorSeed seed = webex.seed();
        p.put("guestgate.webex.api-base-url", webex.apiBaseUrl());
        p.put("guestgate.webex.bot-token", seed.bot().accessToken());
        p.put("guestgate.webex.webhook-secret", webhookSecret);
        p.put("guestgate.webex.integration.client-id", seed.integration().clientId());
        p.put("guestgate.webex.integration.client-secret", seed.integration().clientSecret());
        p.put("guestgate.webex.integration.redirect-uri", balancer.url() + "/oauth/webex/callback");
        p.put("guestgate.webex.guest.mode", "service-app");
        p.put("guestgate.webex.guest.service-app-token", seed.serviceApp().accessToken());
        p.put("guestgate.bot.allowed-org-ids", seed.orgId());
        String registration = "spring.security.oauth2.client.registration." + IDP_ISSUER;
        p.put(registration + ".client-id", IDP_CLIENT_ID);
        p.put(registration + ".client-secret", "scale-idp-client-secret");
        p.put(registration + ".scope", "openid,profile,email");
        p.put(
                "spring.security.oauth2.client.provider." + IDP_ISSUER + ".issuer-uri",
                identityProvider.issuerUrl(IDP_ISSUER).toString());
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", Integer.toString(smtp.port()));
        // Which instance sent a mail shows in its sender address.
        p.put("guestgate.mail.from", name + "@guestgate.test");
        // Every test client comes from 127.0.0.1; the per-address limit would otherwise count all guests as one.
        p.put("guestgate.landing.rate-limit.per-ip", "1000000");
        p.put("guestgate.landing.rate-limit.per-invitation", "1000");
        p.put("logging.level.root", "WARN");
        p.putAll(extra);
        return p;
    }

    // ---- where things are

    public WebexEmulator webex() {
        return webex;
    }

    public MockOAuth2Server identityProvider() {
        return identityProvider;
    }

    public Smtp smtp() {
        return smtp;
    }

    public LoadBalancer balancer() {
        return balancer;
    }

    public String publicUrl() {
        return balancer.url();
    }

    public int size() {
        return instances.size();
    }

    public ConfigurableApplicationContext instance(int index) {
        return instances.get(index);
    }

    public String instanceUrl(int index) {
        return "http://127.0.0.1:" + port(instances.get(index));
    }

    /** Where instance {@code index} serves health and metrics: its management port, apart from the public one. */
    public String managementUrl(int index) {
        return "http://127.0.0.1:" + instance(index).getEnvironment().getProperty("local.management.port");
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    public EmulatorSeed.Person organizer() {
        return webex.seed().organizer();
    }

    // ---- webhooks

    /** Every instance gets every event: Webex's at-least-once delivery, at the same moment, to different instances. */
    public void deliverWebhooksToEachInstance() {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            targets.add(instanceUrl(i));
        }
        deliverWebhooksTo(targets);
    }

    /** One delivery per event, through the balancer: the production set-up. */
    public void deliverWebhooksThroughBalancer() {
        deliverWebhooksTo(List.of(publicUrl()));
    }

    /** Replaces the bot's webhooks with one pair (messages, card actions) per base URL. */
    public void deliverWebhooksTo(List<String> baseUrls) {
        AccessToken bot = AccessToken.of(webex.seed().bot().accessToken());
        client.webhooks()
                .list(bot)
                .concatMap(hook -> client.webhooks().delete(bot, hook.id()))
                .blockLast();
        int n = 0;
        for (String baseUrl : baseUrls) {
            n++;
            for (String resource : List.of("messages", "attachmentActions")) {
                client.webhooks()
                        .create(
                                bot,
                                CreateWebhookRequest.of(
                                        "scale-" + resource + "-" + n,
                                        baseUrl + WEBHOOK_PATH,
                                        resource,
                                        "created",
                                        webhookSecret))
                        .block();
            }
        }
    }

    // ---- chat as the organizer

    /** The organizer writes to the bot in their 1:1 space, through the emulator, as Webex would carry it. */
    public Message say(String text) {
        return say(organizer(), text);
    }

    public Message say(EmulatorSeed.Person person, String text) {
        io.guestgate.webex.messages.Message sent = client.messages()
                .create(
                        AccessToken.of(person.accessToken()),
                        CreateMessageRequest.toPersonEmail(webex.seed().bot().email())
                                .text(text)
                                .build())
                .block();
        return webex.messages().stream()
                .filter(m -> m.id().equals(sent.id()))
                .findFirst()
                .orElseThrow();
    }

    /** The bot's messages in the 1:1 space with {@code person}, oldest first. */
    public List<Message> botMessagesTo(EmulatorSeed.Person person) {
        String bot = webex.seed().bot().id();
        List<Message> all = webex.messages();
        java.util.Set<String> directSpaces = all.stream()
                .filter(m -> person.id().equals(m.personId()) && m.roomType() == Room.Type.DIRECT)
                .map(Message::roomId)
                .collect(java.util.stream.Collectors.toSet());
        return all.stream()
                .filter(m -> bot.equals(m.personId())
                        && (directSpaces.contains(m.roomId()) || person.id().equals(m.toPersonId())))
                .toList();
    }

    public List<Message> botMessages() {
        return botMessagesTo(organizer());
    }

    /** The first bot message to the organizer that matches, waiting for it. */
    public Message awaitBotMessage(Duration timeout, String description, Predicate<Message> matching) {
        return awaitBotMessage(organizer(), timeout, description, matching);
    }

    /** The first bot message to {@code person} that matches, waiting for it. */
    public Message awaitBotMessage(
            EmulatorSeed.Person person, Duration timeout, String description, Predicate<Message> matching) {
        await(description)
                .atMost(timeout)
                .until(() -> botMessagesTo(person).stream().anyMatch(matching));
        return botMessagesTo(person).stream().filter(matching).findFirst().orElseThrow();
    }

    /**
     * What the organizer's Webex client does on a card's button: submits the button's data as the card's inputs
     * ({@code POST /v1/attachment/actions} with the organizer's token).
     */
    public void pressCardButton(Message card, Map<?, ?> buttonData) {
        try {
            String body =
                    JSON.writeValueAsString(Map.of("type", "submit", "messageId", card.id(), "inputs", buttonData));
            java.net.http.HttpResponse<String> posted = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(URI.create(webex.apiBaseUrl() + "/attachment/actions"))
                                    .header(
                                            "Authorization",
                                            "Bearer " + organizer().accessToken())
                                    .header("Content-Type", "application/json")
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- when the work is done: the signals after which counts are final

    /** The intake's stream: the events the instances took in (before answering their webhooks) and still work on. */
    public String intakeStream() {
        return keyPrefix + "{intake}:events";
    }

    /** The outbox's stream of mails to send. */
    public String outboxStream() {
        return keyPrefix + "{outbox}:stream";
    }

    /**
     * Until the intake's stream is empty: every event the instances took in has been processed and settled, so
     * whatever GuestGate does about those events (fetch, answer, store) has been done.
     */
    public void awaitEventsProcessed(Duration timeout) {
        ReactiveStringRedisTemplate redis = instance(0).getBean(ReactiveStringRedisTemplate.class);
        await("every event taken in processed")
                .atMost(timeout)
                .until(() -> redis.opsForStream().size(intakeStream()).block(), length -> length == 0);
    }

    /**
     * Until the outbox has settled: no mail queued, handed out to a sender or waiting for another attempt, so no
     * further mail or report can come of what was queued.
     */
    public void awaitOutboxSettled(Duration timeout) {
        ReactiveStringRedisTemplate redis = instance(0).getBean(ReactiveStringRedisTemplate.class);
        await("the outbox settled")
                .atMost(timeout)
                .until(() -> redis.opsForStream().size(outboxStream()).block() == 0
                        && redis.opsForStream()
                                        .pending(outboxStream(), "mailers")
                                        .block()
                                        .getTotalPendingMessages()
                                == 0
                        && redis.opsForZSet().size(keyPrefix + "{outbox}:retry").block() == 0);
    }

    /** What a message says, as the organizer reads it. */
    public static String content(Message message) {
        return message.markdown() != null ? message.markdown() : String.valueOf(message.text());
    }

    // ---- the organizer's Webex account

    /**
     * Links the organizer's Webex account the way an organizer does ({@code login} in chat, the link, Webex's
     * consent), unless an instance of this JVM sees it linked already.
     */
    public void ensureOrganizerLinked() {
        ensureLinked(organizer());
    }

    /** Links this seeded person's Webex account as {@link #ensureOrganizerLinked()} does the organizer's. */
    public void ensureLinked(EmulatorSeed.Person person) {
        if (!instances.isEmpty() && isLinked(person)) {
            return;
        }
        int before = botMessagesTo(person).size();
        say(person, "login");
        await("the login link")
                .atMost(Duration.ofSeconds(30))
                .until(() -> botMessagesTo(person).size() > before
                        && botMessagesTo(person)
                                .subList(before, botMessagesTo(person).size())
                                .stream()
                                .anyMatch(m -> LOGIN_LINK.matcher(content(m)).find()));
        List<Message> answers = botMessagesTo(person);
        Matcher link = answers.subList(before, answers.size()).stream()
                .map(m -> LOGIN_LINK.matcher(content(m)))
                .filter(Matcher::find)
                .findFirst()
                .orElseThrow();
        webex.signInAs(person);
        Browser browser = new Browser(publicUrl());
        Browser.Page start = browser.get(link.group(1));
        assertThat(start.status()).as("login start").isEqualTo(302);
        Browser.Page authorize = browser.get(start.location());
        assertThat(authorize.status()).as("Webex authorize").isEqualTo(302);
        Browser.Page callback = browser.get(authorize.location());
        assertThat(callback.status()).as("login callback").isEqualTo(200);
        if (!instances.isEmpty()) {
            assertThat(isLinked(person))
                    .as("the account of " + person.email() + " is linked")
                    .isTrue();
        }
    }

    private boolean isLinked(EmulatorSeed.Person person) {
        OrganizerAccount account =
                instance(0).getBean(OrganizerAccounts.class).find(person.id()).block();
        return account != null && account.isLinked();
    }

    // ---- guests

    /** A meeting of the organizer's as the bot stores it (not at Webex), for tests about guests and mail. */
    public Meeting storedMeeting(String title, java.time.Instant start) {
        EmulatorSeed.Person person = organizer();
        Meeting meeting = new Meeting(
                MeetingStore.newId(),
                new Meeting.Organizer(person.id(), person.email(), person.displayName()),
                title,
                start,
                start.plus(Duration.ofHours(1)),
                java.time.ZoneId.of("Europe/Vienna"),
                new Meeting.WebexMeeting(
                        "webex-" + UUID.randomUUID(),
                        "2550123456",
                        "https://guestgate-sandbox.webex.com/m/1",
                        "2550123456@guestgate-sandbox.webex.com"),
                0,
                MeetingStatus.SCHEDULED,
                java.time.Instant.now());
        return instance(instances.size() - 1)
                .getBean(MeetingStore.class)
                .save(meeting)
                .block();
    }

    /**
     * A meeting that exists at Webex too, hosted by the organizer and locked down as the bot creates it (guests wait
     * in the lobby), starting in a minute so that its links are open; stored as the bot stores it.
     */
    public Meeting meetingAtWebex(String title) {
        EmulatorSeed.Person person = organizer();
        java.time.Instant start =
                java.time.Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.time.ZoneId zone = java.time.ZoneId.of("Europe/Vienna");
        io.guestgate.webex.meetings.Meeting created = client.meetings()
                .create(
                        AccessToken.of(person.accessToken()),
                        io.guestgate.webex.meetings.MeetingRequest.builder(
                                        title,
                                        start.atZone(zone).toOffsetDateTime(),
                                        start.plus(Duration.ofHours(1))
                                                .atZone(zone)
                                                .toOffsetDateTime())
                                .timezone(zone.getId())
                                .unlockedMeetingJoinSecurity(
                                        io.guestgate.webex.meetings.UnlockedMeetingJoinSecurity.ALLOW_JOIN_WITH_LOBBY)
                                .build())
                .block();
        Meeting meeting = new Meeting(
                MeetingStore.newId(),
                new Meeting.Organizer(person.id(), person.email(), person.displayName()),
                title,
                start,
                start.plus(Duration.ofHours(1)),
                zone,
                new Meeting.WebexMeeting(
                        created.id(), created.meetingNumber(), created.webLink(), created.sipAddress()),
                0,
                MeetingStatus.SCHEDULED,
                java.time.Instant.now());
        return instance(instances.size() - 1)
                .getBean(MeetingStore.class)
                .save(meeting)
                .block();
    }

    /** An invitation and the link token its mail would carry. */
    public record InvitedGuest(Invitation invitation, String token) {}

    /** Invites a guest to {@code meeting} through instance {@code via}, with a fresh link token. */
    public InvitedGuest invite(int via, Meeting meeting, String name, String email) {
        InvitationStore invitations = instance(via).getBean(InvitationStore.class);
        Invitation invitation =
                invitations.add(meeting, new Invitee(name, email)).block().invitation();
        return new InvitedGuest(
                invitation, invitations.issueLinkToken(invitation).block());
    }

    /** The identity provider's next login vouches for this person (email verified). */
    public void nextGuestLogin(String subject, String givenName, String familyName, String email) {
        identityProvider.enqueueCallback(new DefaultOAuth2TokenCallback(
                IDP_ISSUER,
                subject,
                "JWT",
                List.of(IDP_CLIENT_ID),
                Map.of(
                        "given_name",
                        givenName,
                        "family_name",
                        familyName,
                        "name",
                        givenName + " " + familyName,
                        "email",
                        email,
                        "email_verified",
                        true),
                3600));
    }

    @Override
    public void close() {
        for (int i = instances.size() - 1; i >= 0; i--) {
            try {
                instances.get(i).close();
            } catch (RuntimeException e) {
                // Close the rest anyway.
            }
        }
        balancer.close();
        webex.close();
        identityProvider.shutdown();
        smtp.close();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** How to build a world. */
    public static final class Options {

        private int instances = 3;
        private Map<String, String> redis =
                Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", "6379");
        private final Map<String, String> appProperties = new LinkedHashMap<>();
        private final Map<String, String> emulatorProperties = new LinkedHashMap<>();

        public Options instances(int count) {
            this.instances = count;
            return this;
        }

        /** Spring Boot's {@code spring.data.redis.*} settings every instance uses. */
        public Options redis(Map<String, String> settings) {
            this.redis = Map.copyOf(settings);
            return this;
        }

        public Options redis(String host, int port) {
            return redis(Map.of("spring.data.redis.host", host, "spring.data.redis.port", Integer.toString(port)));
        }

        /** Any further application property, for every instance. */
        public Options property(String name, String value) {
            appProperties.put(name, value);
            return this;
        }

        public Options emulatorProperty(String name, String value) {
            emulatorProperties.put(name, value);
            return this;
        }
    }
}
