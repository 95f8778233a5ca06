package io.guestgate.emulator.support;

/** The order of the emulator's filters: tracking, journal, faults, then authentication. */
public final class FilterOrder {
    public static final int TRACKING = -300;
    public static final int JOURNAL = -200;
    public static final int FAULTS = -100;
    public static final int AUTH = 0;

    private FilterOrder() {}
}
