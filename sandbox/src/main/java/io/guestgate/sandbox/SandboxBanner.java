package io.guestgate.sandbox;

import io.guestgate.emulator.config.EmulatorSeed;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The one block printed when the sandbox is ready: every URL and port, the seeded organizer, how to start. */
final class SandboxBanner {

    private SandboxBanner() {}

    static String render(SandboxWorld world, List<String> webhooks, Duration uptime) {
        String app = world.publicBaseUrl();
        EmulatorSeed seed = world.webex().seed();
        SandboxRedis redis = world.redis();
        String rule = "-".repeat(100);
        StringBuilder s = new StringBuilder("\n").append("=".repeat(100)).append('\n');
        s.append(String.format(
                Locale.ROOT,
                " GuestGate sandbox ready after %.1f s (JVM uptime). Stop it with Ctrl-C.%n",
                uptime.toMillis() / 1000.0));
        s.append(rule).append('\n');
        line(s, "Console (chat as the organizer)", app + "/sandbox/console");
        line(s, "Mailbox (mail sent to guests)", app + "/sandbox/mailbox");
        line(s, "App", app);
        line(s, "Webex emulator (REST API)", world.webex().emulator().apiBaseUrl());
        line(
                s,
                "Identity provider (ich.app)",
                world.identityProvider().issuerUri() + "/.well-known/openid-configuration");
        line(s, "SMTP (GreenMail)", SandboxRedis.HOST + ":" + world.mail().smtpPort());
        line(
                s,
                "IMAP (GreenMail)",
                SandboxRedis.HOST + ":" + world.mail().imapPort() + "  user = recipient address, any password");
        line(
                s,
                "Redis",
                redis.host() + ":" + redis.port()
                        + (redis.isEmbedded()
                                ? "  embedded, stops with the sandbox"
                                : "  local server, keys under " + world.keyPrefix()));
        line(s, "Organizer", person(seed.organizer()));
        line(s, "Second person", person(seed.secondPerson()));
        line(s, "Bot", person(seed.bot()));
        line(s, "Bot webhooks", app + "/webhooks/webex  (" + String.join(", ", webhooks) + ")");
        s.append(rule).append('\n');
        s.append(
                " 1. Open the console, write  login  and follow the link (sign in as the organizer at the emulator)\n");
        s.append(" 2. Write  create Review | tomorrow 10:00 | 30m  then  add Anna Muster <anna@example.test>\n");
        s.append(" 3. Open the mailbox, click the invitation's link, verify as Anna Muster / anna@example.test\n");
        s.append("=".repeat(100)).append('\n');
        return s.toString();
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append(String.format(Locale.ROOT, " %-34s %s%n", label, value));
    }

    private static String person(EmulatorSeed.Person person) {
        return person.displayName() + " <" + person.email() + ">";
    }
}
