package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.bot.connectioncheck.ConnectionCheck;
import io.guestgate.domain.account.OrganizerAccounts;
import io.guestgate.emulator.config.EmulatorSeed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An organizer revokes GuestGate's access in Webex while no meeting of theirs needs it: the regular check finds it
 * and tells them once, 1:1, with a fresh login link; a working link is left alone.
 */
class ConnectionCheckTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ScaleWorld world = ScaleTests.world();
    private final EmulatorSeed.Person peter = world.webex().seed().secondPerson();

    @Test
    void aLinkRevokedInWebexIsToldOnceByTheRegularCheck() {
        world.ensureOrganizerLinked();
        world.ensureLinked(peter);
        ConnectionCheck check = world.instance(0).getBean(ConnectionCheck.class);
        int before = world.botMessagesTo(peter).size();
        int toOlivia = world.botMessages().size();

        // Revoked at Webex: neither the access nor the refresh token works any more.
        world.webex().revokeRefreshTokens(peter.id());
        world.webex().expireIssuedAccessTokensOf(peter.id());
        assertThat(check.checkAll().block(WAIT)).as("links found gone").isEqualTo(1);

        String notice = ScaleWorld.content(world.awaitBotMessage(
                peter,
                WAIT,
                "the notice",
                message -> ScaleWorld.content(message).contains("GuestGate found this in its regular check")));
        assertThat(notice)
                .startsWith("🔑 GuestGate’s link to your Webex account no longer works")
                .containsPattern("\\[Link your Webex account\\]\\(http://[^)]+/oauth/webex/start\\?state=[^)]+\\)");
        assertThat(world.instance(0)
                        .getBean(OrganizerAccounts.class)
                        .find(peter.id())
                        .block(WAIT)
                        .isLinked())
                .isFalse();

        assertThat(check.checkAll().block(WAIT))
                .as("a second round finds nothing new")
                .isZero();
        assertThat(world.botMessagesTo(peter)
                        .subList(before, world.botMessagesTo(peter).size()))
                .as("told once")
                .hasSize(1);
        assertThat(world.botMessages())
                .as("Olivia's working link is left alone")
                .hasSize(toOlivia);
    }
}
