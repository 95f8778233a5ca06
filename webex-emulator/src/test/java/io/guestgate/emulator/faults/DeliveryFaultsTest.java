package io.guestgate.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeliveryFaultsTest {

    @Test
    void countedFaultsAreConsumedPerDeliveryOfTheirResourceInOrder() {
        DeliveryFaults faults = new DeliveryFaults();
        faults.add(DeliveryFault.drop("meetingParticipants", 1));
        faults.add(DeliveryFault.delay("*", 250, 2));

        assertThat(faults.take("messages"))
                .get()
                .extracting(DeliveryFault::action)
                .isEqualTo(DeliveryFault.Action.DELAY);
        assertThat(faults.take("meetingParticipants"))
                .get()
                .extracting(DeliveryFault::action)
                .isEqualTo(DeliveryFault.Action.DROP);
        assertThat(faults.pending())
                .singleElement()
                .extracting(DeliveryFault::count)
                .isEqualTo(1);
        assertThat(faults.take("meetingParticipants"))
                .get()
                .extracting(DeliveryFault::delayMillis)
                .isEqualTo(250L);
        assertThat(faults.take("meetingParticipants")).isEmpty();
        assertThat(faults.pending()).isEmpty();
    }

    @Test
    void anUncountedFaultLastsUntilCleared() {
        DeliveryFaults faults = new DeliveryFaults();
        faults.add(DeliveryFault.dropAll("meetingParticipants"));
        for (int i = 0; i < 5; i++) {
            assertThat(faults.take("meetingParticipants")).isPresent();
        }
        assertThat(faults.take("messages")).isEmpty();
        assertThat(faults.pending())
                .singleElement()
                .extracting(DeliveryFault::count)
                .isNull();
        faults.clear();
        assertThat(faults.take("meetingParticipants")).isEmpty();
    }

    @Test
    void badFaultsAreRefused() {
        assertThatThrownBy(() -> DeliveryFault.drop("messages", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryFault.delay("messages", -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryFault.drop(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryFault("messages", DeliveryFault.Action.DELAY, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
