package io.guestgate.sandbox;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the sandbox's offline world is laid out ({@code guestgate.sandbox.*}). Bound from the environment before the
 * application context exists, because the world has to run before the context can connect to it.
 *
 * @param ports where each service of the world listens on 127.0.0.1; 0 picks a free port
 * @param redis {@code auto}: the local Redis on 127.0.0.1:6379 if it answers, otherwise an embedded one;
 *              {@code local}: only the local one; {@code embedded}: always an embedded one
 */
record SandboxSettings(
        @DefaultValue Ports ports, @DefaultValue("auto") RedisMode redis) {

    SandboxSettings {
        if (redis == null) {
            throw new IllegalArgumentException("guestgate.sandbox.redis must be auto, local or embedded");
        }
    }

    /**
     * @param emulator         the Webex emulator (REST API under {@code /v1})
     * @param identityProvider the development identity provider standing in for ich.app
     * @param smtp             GreenMail's SMTP server, which the application sends through
     * @param imap             GreenMail's IMAP server, for any mail client
     * @param embeddedRedis    the embedded Redis, when one is started (0: a free port)
     */
    record Ports(
            @DefaultValue("8090") int emulator,
            @DefaultValue("8091") int identityProvider,
            @DefaultValue("3025") int smtp,
            @DefaultValue("3143") int imap,
            @DefaultValue("0") int embeddedRedis) {

        Ports {
            check("emulator", emulator);
            check("identity-provider", identityProvider);
            check("smtp", smtp);
            check("imap", imap);
            check("embedded-redis", embeddedRedis);
        }

        private static void check(String name, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(
                        "guestgate.sandbox.ports." + name + " must be a port between 0 and 65535, was " + port);
            }
        }
    }

    enum RedisMode {
        AUTO,
        LOCAL,
        EMBEDDED
    }
}
