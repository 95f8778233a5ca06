package io.guestgate.webex;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.spec.ContractReport;
import io.guestgate.webex.spec.WebexContract;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The client scenarios against a server that answers with the specs' own examples; every request a scenario
 * sends must also validate against the specs.
 */
class SpecExampleScenariosTest extends WebexClientScenarios {

    private static final Set<String> NOT_IN_SPECS = Set.of("/v1/access_token", "/v1/jwt/login");
    private static SpecExampleServer server;

    @BeforeAll
    static void startServer() {
        server = SpecExampleServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        server.clear();
    }

    @AfterEach
    void everyRequestValidatesAgainstTheSpecs() {
        List<SpecExampleServer.Recorded> requests = server.requests().stream()
                .filter(r -> !NOT_IN_SPECS.contains(r.path()))
                .toList();
        List<ContractReport> failures = requests.stream()
                .map(r -> WebexContract.validateRequest(r.method(), r.target(), Map.of(), r.headers(), r.body()))
                .filter(ContractReport::hasErrors)
                .toList();
        assertThat(failures).isEmpty();
    }

    @Override
    protected URI apiBaseUrl() {
        return server.apiBaseUrl();
    }

    @Override
    protected AccessToken organizerToken() {
        return AccessToken.of("organizer-token-scenarios");
    }

    @Override
    protected AccessToken botToken() {
        return AccessToken.of("bot-token-scenarios");
    }

    @Override
    protected AccessToken serviceAppToken() {
        return AccessToken.of("service-app-token-scenarios");
    }

    @Override
    protected String roomId() {
        return "room-1";
    }

    @Override
    protected boolean stateful() {
        return false;
    }

    @Override
    protected Optional<AccessToken> guestIssuerJwt() {
        return Optional.of(AccessToken.of("eyJhbGciOiJIUzI1NiJ9.e30.signature"));
    }

    @Override
    protected Optional<String> attachmentActionId() {
        return Optional.of("action-1");
    }
}
