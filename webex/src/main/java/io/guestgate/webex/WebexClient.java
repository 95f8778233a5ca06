package io.guestgate.webex;

import io.guestgate.webex.oauth.AccessToken;
import java.util.Objects;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The typed, reactive Webex REST client. Thread-safe; build one per application and share it.
 * There is no global token: every call takes the {@link AccessToken} it acts with (bot, organizer,
 * Service App or guest JWT). WebexFailures arrive as {@link WebexApiException}.
 *
 * <pre>{@code
 * WebexClient webex = WebexClient.create(WebexClientSettings.defaults(), WebClient.builder());
 * Person me = webex.people().me(AccessToken.of(botToken)).block();
 * }</pre>
 */
public final class WebexClient {

    private final WebexClientSettings settings;
    private final OAuthApi oauth;
    private final PeopleApi people;
    private final MeetingsApi meetings;
    private final MeetingInviteesApi meetingInvitees;
    private final MeetingParticipantsApi meetingParticipants;
    private final MessagesApi messages;
    private final AttachmentActionsApi attachmentActions;
    private final WebhooksApi webhooks;
    private final GuestsApi guests;
    private final ApplicationsApi applications;

    private WebexClient(WebexClientSettings settings, WebClient.Builder webClientBuilder) {
        this.settings = Objects.requireNonNull(settings, "settings");
        WebexHttp http = new WebexHttp(settings, Objects.requireNonNull(webClientBuilder, "webClientBuilder"));
        this.oauth = new OAuthApi(http);
        this.people = new PeopleApi(http);
        this.meetings = new MeetingsApi(http);
        this.meetingInvitees = new MeetingInviteesApi(http);
        this.meetingParticipants = new MeetingParticipantsApi(http);
        this.messages = new MessagesApi(http);
        this.attachmentActions = new AttachmentActionsApi(http);
        this.webhooks = new WebhooksApi(http);
        this.guests = new GuestsApi(http);
        this.applications = new ApplicationsApi(http);
    }

    /**
     * @param webClientBuilder e.g. Spring Boot's auto-configured builder; it is cloned, and the client sets
     *                         its own connector (timeouts) and JSON codecs on the clone
     */
    public static WebexClient create(WebexClientSettings settings, WebClient.Builder webClientBuilder) {
        return new WebexClient(settings, webClientBuilder);
    }

    public WebexClientSettings settings() {
        return settings;
    }

    public OAuthApi oauth() {
        return oauth;
    }

    public PeopleApi people() {
        return people;
    }

    public MeetingsApi meetings() {
        return meetings;
    }

    public MeetingInviteesApi meetingInvitees() {
        return meetingInvitees;
    }

    public MeetingParticipantsApi meetingParticipants() {
        return meetingParticipants;
    }

    public MessagesApi messages() {
        return messages;
    }

    public AttachmentActionsApi attachmentActions() {
        return attachmentActions;
    }

    public WebhooksApi webhooks() {
        return webhooks;
    }

    public GuestsApi guests() {
        return guests;
    }

    public ApplicationsApi applications() {
        return applications;
    }
}
