package io.guestgate.app.scale;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waiting for what happens asynchronously (webhook processing, mail, replies). */
public final class Await {

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after {@code timeout}. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            pause(50);
        }
    }

    /**
     * A test's own setup step, tried again for up to 10 s while it fails: right after Redis restarted, a command in
     * flight on a connection the old server reset fails, and the step is setup, not what is under test.
     */
    public static <T> T retrying(String what, Supplier<T> step) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return step.get();
            }
            catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Kept failing for 10 s: " + what, e);
                }
                pause(200);
            }
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
