package io.guestgate.emulator;

import io.guestgate.emulator.config.EmulatorProperties;
import io.guestgate.emulator.config.EmulatorSeed;
import java.io.PrintStream;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Prints the seeded world once the server listens. Only for standalone runs (emulator.print-seed): these are the
 * emulator's own test tokens, which is the whole point of printing them for a person at the console.
 */
@Component
class SeedPrinter implements ApplicationListener<WebServerInitializedEvent> {

    private final EmulatorSeed seed;
    private final EmulatorProperties properties;

    SeedPrinter(EmulatorSeed seed, EmulatorProperties properties) {
        this.seed = seed;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (properties.printSeed()) {
            print(System.out, event.getWebServer().getPort());
        }
    }

    void print(PrintStream out, int port) {
        StringBuilder s = new StringBuilder();
        s.append("\nWebex emulator listening: API http://127.0.0.1:")
                .append(port)
                .append("/v1")
                .append(", test routes http://127.0.0.1:")
                .append(port)
                .append("/_emulator\n");
        s.append("  site        ").append(seed.siteUrl()).append('\n');
        for (EmulatorSeed.Person p : seed.people()) {
            s.append("  person      ")
                    .append(p.displayName())
                    .append(" <")
                    .append(p.email())
                    .append(">  id=")
                    .append(p.id())
                    .append("  token=")
                    .append(p.accessToken())
                    .append('\n');
        }
        EmulatorSeed.Person bot = seed.bot();
        s.append("  bot         ")
                .append(bot.displayName())
                .append(" <")
                .append(bot.email())
                .append(">  id=")
                .append(bot.id())
                .append("  token=")
                .append(bot.accessToken())
                .append('\n');
        EmulatorSeed.Integration i = seed.integration();
        s.append("  integration client_id=")
                .append(i.clientId())
                .append("  client_secret=")
                .append(i.clientSecret())
                .append("  redirect_uris=")
                .append(i.redirectUris())
                .append('\n');
        for (EmulatorSeed.GuestIssuer g : seed.guestIssuers()) {
            s.append("  guestIssuer id=")
                    .append(g.id())
                    .append("  secret=")
                    .append(g.secret())
                    .append('\n');
        }
        if (seed.serviceApp() != null) {
            EmulatorSeed.ServiceApp app = seed.serviceApp();
            s.append("  serviceApp  ")
                    .append(app.name())
                    .append("  id=")
                    .append(app.id())
                    .append("  token=")
                    .append(app.accessToken())
                    .append("  refresh_token=")
                    .append(app.refreshToken())
                    .append("  client_id=")
                    .append(app.clientId())
                    .append("  client_secret=")
                    .append(app.clientSecret())
                    .append('\n');
        }
        out.println(s);
    }
}
