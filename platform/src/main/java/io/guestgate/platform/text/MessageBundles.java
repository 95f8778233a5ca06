package io.guestgate.platform.text;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The one way GuestGate reads its message bundles (bot, invitations, the door, connecting an account, the guest
 * pages, the organizer's notices): UTF-8 properties files, the base file English and the fallback whatever locale
 * the server runs in, and every text a {@link java.text.MessageFormat} pattern, with or without arguments, so that
 * an apostrophe is written {@code ''} everywhere.
 */
public final class MessageBundles {

    private MessageBundles() {}

    /** The texts of these bundles (e.g. {@code bot/messages}), looked up in this order. */
    public static ResourceBundleMessageSource of(String... basenames) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }
}
