package io.guestgate.emulator;

import io.guestgate.emulator.auth.TokenRegistry;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.faults.DeliveryFault;
import io.guestgate.emulator.faults.DeliveryFaults;
import io.guestgate.emulator.faults.Fault;
import io.guestgate.emulator.faults.FaultInjector;
import io.guestgate.emulator.journal.JournalEntry;
import io.guestgate.emulator.journal.RequestJournal;
import io.guestgate.emulator.meetings.HostEdits;
import io.guestgate.emulator.meetings.JoinLinks;
import io.guestgate.emulator.meetings.Meeting;
import io.guestgate.emulator.meetings.MeetingStore;
import io.guestgate.emulator.meetings.Participant;
import io.guestgate.emulator.meetings.Participants;
import io.guestgate.emulator.messages.CardActions;
import io.guestgate.emulator.messages.Message;
import io.guestgate.emulator.messages.MessageStore;
import io.guestgate.emulator.messages.Room;
import io.guestgate.emulator.messages.Rooms;
import io.guestgate.emulator.oauth.RefreshTokens;
import io.guestgate.emulator.oauth.SignIn;
import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.serviceapp.ServiceAppGrants;
import io.guestgate.emulator.webhooks.Delivery;
import io.guestgate.emulator.webhooks.DeliveryLog;
import io.guestgate.emulator.webhooks.Webhook;
import io.guestgate.emulator.webhooks.WebhookDispatcher;
import io.guestgate.emulator.webhooks.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running emulator in its own Spring context on a random port of 127.0.0.1.
 *
 * <pre>{@code
 * try (WebexEmulator webex = WebexEmulator.start(EmulatorSeed.defaults())) {
 *   client.baseUrl(webex.apiBaseUrl());   // http://127.0.0.1:<port>/v1
 *   ...
 *   assertThat(webex.requests()).hasSize(2);
 * }
 * }</pre>
 *
 * <p>The Java methods mirror the test-only HTTP routes under {@code /_emulator}, so tests can arrange and assert
 * without HTTP plumbing.
 */
public final class WebexEmulator implements AutoCloseable {

    /** The org id of every participant who did not sign in (knockers, join-link users); never the seed's org. */
    public static final String UNAUTHENTICATED_ORG_ID = Participant.UNAUTHENTICATED_ORG_ID;

    private final ConfigurableApplicationContext context;
    private final EmulatorSeed seed;
    private final int port;

    private WebexEmulator(ConfigurableApplicationContext context) {
        this.context = context;
        this.seed = context.getBean(EmulatorSeed.class);
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts an emulator with the default seed. */
    public static WebexEmulator start() {
        return builder().start();
    }

    public static WebexEmulator start(EmulatorSeed seed) {
        return builder().seed(seed).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- where it is

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}: the test routes live under {@code /_emulator}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code http://127.0.0.1:<port>/v1}: what a client uses in place of {@code https://webexapis.com/v1}. */
    public String apiBaseUrl() {
        return baseUrl() + "/v1";
    }

    public EmulatorSeed seed() {
        return seed;
    }

    /**
     * The host moves or renames a meeting in the Webex app (not through the API): the host's {@code meetings}
     * {@code updated} webhooks fire.
     */
    public Meeting hostReschedules(String meetingId, String title, java.time.Instant start, java.time.Instant end) {
        return bean(HostEdits.class).reschedule(meetingId, title, start, end);
    }

    /** The host deletes a meeting in the Webex app: the host's {@code meetings} {@code deleted} webhooks fire. */
    public void hostDeletes(String meetingId) {
        bean(HostEdits.class).delete(meetingId);
    }

    /** Sets the time zone a person chose in Webex, as {@code GET /people/me} reports it; null: none set. */
    public void setTimezone(String personId, String timezone) {
        bean(Directory.class).setTimezone(personId, timezone);
    }

    // ---- request journal

    /** Every /v1 call so far, oldest first. */
    public List<JournalEntry> requests() {
        return bean(RequestJournal.class).entries();
    }

    /** The /v1 calls with this method and exact path, e.g. {@code requests("POST", "/v1/access_token")}. */
    public List<JournalEntry> requests(String method, String path) {
        return requests().stream().filter(e -> e.is(method, path)).toList();
    }

    public void clearRequests() {
        bean(RequestJournal.class).clear();
    }

    // ---- faults

    /** Arms a fault, e.g. {@code injectFault(Fault.status("POST /v1/meetings", 503, 1))}. */
    public void injectFault(Fault fault) {
        bean(FaultInjector.class).add(fault);
    }

    public List<Fault> pendingFaults() {
        return bean(FaultInjector.class).pending();
    }

    public void clearFaults() {
        bean(FaultInjector.class).clear();
    }

    // ---- OAuth

    /** From now on /authorize answers at once as this seeded person (an immediate redirect with code and state). */
    public void signInAs(EmulatorSeed.Person person) {
        bean(SignIn.class).signInAs(person.id());
    }

    /** Back to the consent page on /authorize. */
    public void signOut() {
        bean(SignIn.class).signOut();
    }

    /** Revokes every refresh token of this person; returns how many there were. */
    public int revokeRefreshTokens(String personId) {
        return bean(RefreshTokens.class).revokeAllOf(personId);
    }

    /** How many usable refresh tokens this person has. */
    public long refreshTokenCount(String personId) {
        return bean(RefreshTokens.class).countOf(personId);
    }

    /** Makes this access token expire now, so the next call with it gets 401. */
    public boolean expireAccessToken(String accessToken) {
        return bean(TokenRegistry.class).expire(accessToken);
    }

    /**
     * Makes the access tokens Webex issued for this person (to integrations, through OAuth) expire now; the person's
     * seeded token, their own Webex client, keeps working.
     */
    public int expireIssuedAccessTokensOf(String personId) {
        return bean(TokenRegistry.class).expireIssuedOf(personId);
    }

    /** Makes every access token of this person expire now (seeded ones included). */
    public int expireAccessTokensOf(String personId) {
        return bean(TokenRegistry.class).expireAllOf(personId);
    }

    // ---- the Service App

    /**
     * A Full Admin authorizes the Service App again: a new pair (the map {@code /access_token} answers, values
     * included, as the developer portal shows them), without touching the earlier ones.
     */
    public Map<String, Object> authorizeServiceApp() {
        return bean(ServiceAppGrants.class).authorize();
    }

    /** The next Service App access tokens (from any grant) live these lifetimes, one each; then the configured one. */
    public void queueServiceAppTokenLifetimes(Duration... lifetimes) {
        bean(ServiceAppGrants.class).queueLifetimes(List.of(lifetimes));
    }

    /** Revokes the Service App's refresh tokens (its access tokens keep working until they expire). */
    public int revokeServiceAppRefreshTokens() {
        return bean(ServiceAppGrants.class).revokeRefreshTokens();
    }

    /** Every Service App pair issued so far, oldest first: when, by which grant, until when; no values. */
    public List<ServiceAppGrants.Issued> serviceAppTokensIssued() {
        return bean(ServiceAppGrants.class).issued();
    }

    /** How many Service App pairs a refresh ({@code grant_type=refresh_token}) gave. */
    public long serviceAppRefreshes() {
        return bean(ServiceAppGrants.class).refreshes();
    }

    // ---- meetings

    /** Every meeting of every host, by start. */
    public List<Meeting> meetings() {
        return bean(MeetingStore.class).all();
    }

    /**
     * Joins a meeting as the Meetings widget would, with an access token (typically a guest's) and a destination:
     * meeting id, number, SIP address or web link, and no password. The host and the org's users need none; a guest
     * does (403 {@code HOST_PIN_OR_MEETING_PASSWORD_REQUIRED}) unless {@code emulator.meetings.guest-password-required}
     * is false. A guest lands in the lobby when the meeting says {@code allowJoinWithLobby};
     * {@code POST /v1/meetingParticipants/admit} lets them in.
     */
    public Participant joinMeeting(String destination, String accessToken) {
        return bean(Participants.class).join(destination, accessToken);
    }

    /** {@link #joinMeeting(String, String)} with the meeting password, as a guest types it into the widget. */
    public Participant joinMeeting(String destination, String accessToken, String password) {
        return bean(Participants.class).join(destination, accessToken, password);
    }

    /**
     * A stranger types the meeting's SIP address, number or link into the Webex web client, without signing in, under
     * any name and email: no person id, and {@link #UNAUTHENTICATED_ORG_ID} as the org. The lobby under
     * {@code allowJoinWithLobby}, a 403 under {@code blockFromJoin}; the password is needed as for a guest.
     */
    public Participant knock(String destination, String displayName, String email, String password) {
        return bean(Participants.class).knock(destination, displayName, email, password);
    }

    /**
     * Opens a join link from {@code POST /v1/meetings/join} (the {@code Location} of its 302, or {@code joinLink} of its
     * 200) and joins as the link says: not signed in, no password needed. An expired link throws a 410.
     */
    public Participant openJoinLink(String joinLink) {
        return bean(JoinLinks.class).open(joinLink);
    }

    /** The participant leaves the lobby or the meeting: state {@code end}, a {@code left} webhook. */
    public Participant leave(String participantId) {
        return bean(Participants.class).leave(participantId);
    }

    /**
     * Everyone who came to the meeting, oldest first, in any state: for a series id across all its instances, for an
     * instance id ({@code <series>_I_<number>}) only in that one.
     */
    public List<Participant> participants(String meetingId) {
        return bean(Participants.class).of(meetingId);
    }

    /** The meeting's password (series, occurrence or instance id), for a test or the sandbox to type in as a guest. */
    public String password(String meetingId) {
        String seriesId = meetingId != null && meetingId.indexOf('_') > 0
                ? meetingId.substring(0, meetingId.indexOf('_'))
                : meetingId;
        return bean(MeetingStore.class)
                .byId(seriesId)
                .map(Meeting::password)
                .orElseThrow(() -> new IllegalArgumentException("no meeting " + meetingId));
    }

    // ---- messages

    /** Every message in every space, oldest first. */
    public List<Message> messages() {
        return bean(MessageStore.class).all();
    }

    /** Creates a group space; members are seeded people or the bot (ids). */
    public Room createGroupRoom(String title, String... memberIds) {
        return bean(Rooms.class).createGroup(title, List.of(memberIds));
    }

    public List<CardActions.CardAction> cardActions() {
        return bean(CardActions.class).all();
    }

    // ---- webhooks

    /** Every webhook of every owner. */
    public List<Webhook> webhooks() {
        return bean(WebhookStore.class).all();
    }

    /** Every delivery so far, in the order they started, with each attempt's status code. */
    public List<Delivery> deliveries() {
        return bean(DeliveryLog.class).all();
    }

    /** Re-sends a delivery's exact bytes and signature as a new delivery. */
    public Delivery duplicateDelivery(String deliveryId) {
        return bean(WebhookDispatcher.class)
                .duplicate(deliveryId)
                .orElseThrow(() -> new IllegalArgumentException("no delivery " + deliveryId));
    }

    public void clearDeliveries() {
        bean(DeliveryLog.class).clear();
    }

    // ---- webhook delivery faults

    /** The next {@code count} deliveries of the resource ({@code "*"}: any) are dropped, and logged as dropped. */
    public void dropDeliveries(String resource, int count) {
        bean(DeliveryFaults.class).add(DeliveryFault.drop(resource, count));
    }

    /** Every delivery of the resource is dropped until {@link #clearDeliveryFaults()}. */
    public void dropDeliveries(String resource) {
        bean(DeliveryFaults.class).add(DeliveryFault.dropAll(resource));
    }

    /** The next {@code count} deliveries of the resource wait {@code millis} before their first attempt. */
    public void delayDeliveries(String resource, long millis, int count) {
        bean(DeliveryFaults.class).add(DeliveryFault.delay(resource, millis, count));
    }

    /** Every delivery of the resource waits {@code millis} until {@link #clearDeliveryFaults()}. */
    public void delayDeliveries(String resource, long millis) {
        bean(DeliveryFaults.class).add(DeliveryFault.delayAll(resource, millis));
    }

    public List<DeliveryFault> pendingDeliveryFaults() {
        return bean(DeliveryFaults.class).pending();
    }

    public void clearDeliveryFaults() {
        bean(DeliveryFaults.class).clear();
    }

    // ---- lifecycle

    /** For beans this class does not wrap yet; the emulator's internals may change, so prefer the methods above. */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Options for an embedded emulator. */
    public static final class Builder {

        private EmulatorSeed seed = EmulatorSeed.defaults();
        private Clock clock;
        private int port;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {}

        public Builder seed(EmulatorSeed value) {
            this.seed = Objects.requireNonNull(value, "seed");
            return this;
        }

        /** A clock for token, code and meeting time checks; the system clock otherwise. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** A fixed port; 0 (the default) picks a free one. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** Any {@code emulator.*} property, e.g. {@code property("emulator.oauth.code-lifetime", "PT1S")}. */
        public Builder property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        public WebexEmulator start() {
            SpringApplication app = new SpringApplication(EmulatorServer.class);
            app.setWebApplicationType(WebApplicationType.REACTIVE);
            app.setBannerMode(Banner.Mode.OFF);
            app.setLogStartupInfo(false);
            app.setRegisterShutdownHook(false);
            // The embedding test owns logging; the emulator must not re-initialise it.
            List<ApplicationListener<?>> listeners = new ArrayList<>(app.getListeners());
            listeners.removeIf(LoggingApplicationListener.class::isInstance);
            app.setListeners(listeners);
            EmulatorSeed chosenSeed = seed;
            Clock chosenClock = clock;
            app.addInitializers(ctx -> {
                ctx.getBeanFactory().registerSingleton("emulatorSeed", chosenSeed);
                if (chosenClock != null) {
                    ctx.getBeanFactory().registerSingleton("emulatorClock", chosenClock);
                }
            });
            List<String> args = new ArrayList<>(List.of(
                    // Command-line arguments outrank the caller's own configuration, so none of it leaks in.
                    "--spring.config.name=webex-emulator-embedded",
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--spring.jackson.default-property-inclusion=non_null",
                    "--spring.main.lazy-initialization=false"));
            properties.forEach((k, v) -> args.add("--" + k + "=" + v));
            return new WebexEmulator(app.run(args.toArray(String[]::new)));
        }
    }
}
