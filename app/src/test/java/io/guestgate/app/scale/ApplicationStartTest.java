package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.guestgate.bot.chain.EventProcessor;

/** The application with every module (guest list, bot, landing) starts as {@code main} starts it. */
class ApplicationStartTest {

    @Test
    void startsWithEveryModuleAsMainDoes() {
        try (ScaleWorld world = ScaleWorld.start(new ScaleWorld.Options().instances(1).asMainDoes())) {
            assertThat(world.instance(0).getBean(EventProcessor.class).isRunning()).isTrue();
            Browser.Page health = new Browser().get(world.instanceUrl(0) + "/actuator/health/liveness");
            assertThat(health.status()).isEqualTo(200);
        }
    }
}
