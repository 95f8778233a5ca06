package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.domain.cluster.RedisServerProcess;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.platform.redis.Ids;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees: Prometheus metrics for the product's own work after real traffic, and health groups that
 * turn the instance away from the load balancer (readiness DOWN) while Redis is gone, without restarting it
 * (liveness stays UP).
 */
class OperationsTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ScaleWorld world;
    static RedisServerProcess redis;

    @BeforeAll
    static void world() {
        world = ScaleTests.world();
        redis = ScaleTests.redis();
    }

    @Test
    void prometheusShowsTheProductsMetricsAfterTraffic() throws Exception {
        world.balancer().pin(uri -> 0);
        try {
            traffic();
        } finally {
            world.balancer().unpin();
        }
    }

    private static void traffic() throws Exception {
        String word = "help";
        world.say(word);
        world.awaitBotMessage(
                Duration.ofSeconds(30),
                "help answer",
                message -> ScaleWorld.content(message).contains("create"));
        for (int i = 0; i < world.size(); i++) {
            HttpResponse<String> forged = HTTP.send(
                    HttpRequest.newBuilder(URI.create(world.instanceUrl(i) + ScaleWorld.WEBHOOK_PATH))
                            .header("Content-Type", "application/json")
                            .header("X-Spark-Signature", "00")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"id\":\"x\"}}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(401);
        }
        Meeting meeting =
                world.storedMeeting("Metrics " + Ids.random(6), Instant.now().minus(Duration.ofMinutes(5)));
        ScaleWorld.InvitedGuest mia = world.invite(0, meeting, "Mia Maier", "mia@example.com");
        world.nextGuestLogin("mia-" + mia.invitation().id(), "Mia", "Maier", "mia@example.com");
        GuestFlow.admit(world.publicUrl(), mia.token());
        world.ensureOrganizerLinked();
        Meeting invitedTo = world.storedMeeting(
                "Metrics mail " + Ids.random(6), Instant.now().plus(Duration.ofDays(2)));
        String guest = "nora-" + Ids.random(6) + "@example.com";
        world.say("add Nora Neu <" + guest + "> to " + invitedTo.webex().meetingNumber());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> world.smtp().recipients().stream().anyMatch(recipient -> recipient.contains(guest)));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(scrapeAll())
                        .contains("guestgate_webhooks_received_total")
                        .containsPattern("guestgate_webhooks_rejected_total\\{[^}]*reason=\"signature\"[^}]*\\} [1-9]")
                        .containsPattern(
                                "guestgate_commands_total\\{[^}]*command=\"help\"[^}]*outcome=\"ok\"[^}]*\\} [1-9]")
                        .containsPattern("guestgate_invitations_sent_total\\{[^}]*kind=\"request\"[^}]*\\} [1-9]")
                        .containsPattern("guestgate_invitations_failed_total\\{[^}]*final=\"true\"")
                        .containsPattern("guestgate_verifications_total\\{[^}]*outcome=\"verified\"[^}]*\\} [1-9]")
                        .containsPattern(
                                "guestgate_guest_tokens_minted_total\\{[^}]*mode=\"service-app\"[^}]*\\} [1-9]")
                        .containsPattern("guestgate_webex_requests_seconds_count\\{[^}]*method=\"POST\""
                                + "[^}]*route=\"/v1/messages\"[^}]*\\} [1-9]")
                        .containsPattern(
                                "guestgate_webex_requests_seconds_count\\{[^}]*route=\"/v1/messages/\\{id\\}\""));
        assertThat(scrapeAll())
                .doesNotContain(mia.token())
                .doesNotContain(mia.invitation().id());
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPortNotOnThePublicOne() throws Exception {
        assertThat(get(world.managementUrl(0) + "/actuator/prometheus").statusCode())
                .isEqualTo(200);
        assertThat(get(world.instanceUrl(0) + "/actuator/prometheus").statusCode())
                .isEqualTo(404);
        assertThat(get(world.instanceUrl(0) + "/actuator/health").statusCode()).isEqualTo(404);
        assertThat(world.instance(0).getEnvironment().getProperty("local.management.port"))
                .isNotEqualTo(world.instance(0).getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void readinessGoesDownWhileRedisIsStoppedAndLivenessStaysUp() throws Exception {
        String instance = world.managementUrl(0);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                get(instance + "/actuator/health/readiness").statusCode())
                        .isEqualTo(200));
        redis.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> readiness = get(instance + "/actuator/health/readiness");
                assertThat(readiness.statusCode()).isEqualTo(503);
                assertThat(readiness.body()).contains("\"DOWN\"");
            });
            assertThat(get(instance + "/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            redis.start();
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                get(instance + "/actuator/health/readiness").statusCode())
                        .isEqualTo(200));
    }

    private static String scrapeAll() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < world.size(); i++) {
            all.append(get(world.managementUrl(i) + "/actuator/prometheus").body());
        }
        return all.toString();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(15))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
