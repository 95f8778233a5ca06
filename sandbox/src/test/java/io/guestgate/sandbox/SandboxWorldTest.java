package io.guestgate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.PortInUseException;

/** Starting the world when one of its fixed ports is taken: nothing starts, and the message names the setting. */
@ExtendWith(OutputCaptureExtension.class)
class SandboxWorldTest {

    @Test
    void refusesToStartWhenAFixedPortIsTakenAndNamesTheSettingThatMovesIt(CapturedOutput output) throws Exception {
        Set<Long> before = children();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            SandboxSettings settings = new SandboxSettings(
                    new SandboxSettings.Ports(0, port, 0, 0, 0), SandboxSettings.RedisMode.EMBEDDED);

            assertThatThrownBy(() -> SandboxWorld.start(settings, 0))
                    .isInstanceOf(PortInUseException.class)
                    .satisfies(
                            e -> assertThat(((PortInUseException) e).getPort()).isEqualTo(port));
            assertThat(output)
                    .contains("port " + port)
                    .contains("--guestgate.sandbox.ports.identity-provider=<another port>");
        }
        assertThat(children())
                .as("no redis-server or other process was started")
                .isEqualTo(before);
    }

    private static Set<Long> children() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
