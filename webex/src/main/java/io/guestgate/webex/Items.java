package io.guestgate.webex;

import java.util.List;

/** Webex's list envelope {@code {items:[…]}}. */
record Items<T>(List<T> items) {

    Items {
        items = items == null ? List.of() : items;
    }
}
