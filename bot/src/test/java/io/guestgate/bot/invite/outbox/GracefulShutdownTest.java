package io.guestgate.bot.invite.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.bot.invite.InviteTestWorld;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.WebexEmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** An instance that shuts down while a mail is on its way to the relay lets that send finish and acknowledges it. */
class GracefulShutdownTest {

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withDefaults();

    private ConfigurableApplicationContext context;
    private SlowRelay relay;
    private OutboxRedis outbox;
    private String prefix;

    @AfterEach
    void stop() throws Exception {
        if (outbox != null) {
            outbox.close();
        }
        if (context != null && context.isActive()) {
            context.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (prefix != null) {
            InviteTestWorld.deleteKeys(prefix);
        }
    }

    @Test
    void aMailBeingSentWhenTheInstanceStopsIsFinishedAndAcknowledged() throws Exception {
        prefix = InviteTestWorld.uniquePrefix();
        relay = new SlowRelay(1_500);
        outbox = new OutboxRedis(prefix);
        Map<String, Object> properties = InviteTestWorld.properties(prefix, WEBEX.get(), relay.port());
        properties.put("guestgate.outbox.shutdown-timeout", "20s");
        context = InviteTestWorld.start(properties);
        Meeting meeting = OutboxTestData.meeting(context, WEBEX.get(), "Last train");
        List<Invitation> guest = OutboxTestData.guests(context, meeting, 1);
        OutboxTestData.enqueue(context, meeting, guest);
        assertThat(relay.connected().await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(relay.accepted()).isZero();

        context.close();

        assertThat(relay.accepted()).isEqualTo(1);
        assertThat(outbox.pending()).isZero();
        assertThat(outbox.streamLength()).isZero();
        assertThat(outbox.retries()).isZero();
    }
}
