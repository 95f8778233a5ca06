package io.guestgate.app.admin;

import io.guestgate.platform.GuestgateProperties;
import io.guestgate.platform.webex.WebexClientConfiguration;
import io.guestgate.platform.webex.WebexProperties;
import io.guestgate.platform.webex.WebhookRegistrar;
import io.guestgate.webex.WebexApiException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar guestgate.jar webhooks register|list|delete}: manages the bot's webhooks with the application's
 * own configuration, without starting a web server or touching Redis.
 */
public final class WebhooksCommand {

    static final String USAGE = """
            Usage: java -jar guestgate.jar webhooks <register|list|delete> [--property=value ...]
              register  make sure exactly one active messages:created and one attachmentActions:created webhook
                        point at {guestgate.public-base-url}/webhooks/webex with guestgate.webex.webhook-secret
              list      show the bot's webhooks, and any that point at GuestGate for events it does not handle
              delete    remove GuestGate's webhooks from the bot""";

    private WebhooksCommand() {}

    public static boolean isInvokedBy(String[] args) {
        return args.length > 0 && "webhooks".equals(args[0]);
    }

    /** Runs the command and returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String verb = args.length > 1 ? args[1] : "";
        if (!List.of("register", "list", "delete").contains(verb)) {
            err.println(USAGE);
            return 2;
        }
        String[] springArgs = Arrays.copyOfRange(args, 2, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AdminConfiguration.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(springArgs)) {
            WebhookRegistrar registrar = context.getBean(WebhookRegistrar.class);
            switch (verb) {
                case "register" -> {
                    out.println("Registering webhooks → " + registrar.targetUrl());
                    registrar.register().block().forEach(out::println);
                }
                case "delete" -> registrar.deleteAll().block().forEach(out::println);
                default -> {
                    registrar
                            .list()
                            .doOnNext(hook -> out.printf(
                                    "%-11s %-24s %s:%s → %s (%s)%n",
                                    hook.status(),
                                    hook.name(),
                                    hook.resource(),
                                    hook.event(),
                                    hook.targetUrl(),
                                    hook.id()))
                            .blockLast();
                    registrar
                            .strays()
                            .doOnNext(hook -> out.printf(
                                    "stray: %s:%s (%s) points at GuestGate, which does "
                                            + "not handle it; delete it in Webex if nobody needs it%n",
                                    hook.resource(), hook.event(), hook.id()))
                            .blockLast();
                }
            }
            return 0;
        } catch (WebexApiException e) {
            err.println("Webex refused: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("Cannot manage webhooks: " + rootMessage(e));
            return 1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /**
     * Only what the registrar needs: settings and the Webex client. Deliberately not a {@code @Configuration}, so the
     * application's component scan leaves it alone.
     */
    @EnableConfigurationProperties({WebexProperties.class, GuestgateProperties.class})
    @Import({WebexClientConfiguration.class, WebhookRegistrar.class})
    static class AdminConfiguration {}
}
