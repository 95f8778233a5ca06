package io.guestgate.landing.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotAnimations;
import com.microsoft.playwright.options.ScreenshotCaret;
import com.microsoft.playwright.options.ViewportSize;
import java.nio.file.Path;

/**
 * The pictures in {@code docs/landing.md}, taken from the browser tests' own pages. Written only when asked for
 * ({@code -Dguestgate.docs.screenshots=true} or {@code GUESTGATE_DOCS_SCREENSHOTS=true}), so an ordinary run never
 * changes the work tree; and at a small, fixed viewport, so the files stay small and look alike.
 */
final class DocScreenshots {

    static final String PROPERTY = "guestgate.docs.screenshots";
    /** The module's tests run in {@code landing/}; the pictures live beside the guide. */
    private static final Path IMAGES = Path.of("..", "docs", "images");

    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private DocScreenshots() {}

    static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty(PROPERTY, System.getenv("GUESTGATE_DOCS_SCREENSHOTS")));
    }

    /** {@code docs/images/<name>.png}: the page's top 800x600, as a guest on a small screen sees it first. */
    static void take(Page page, String name) {
        take(page, name, HEIGHT);
    }

    /**
     * Only the top {@code height} pixels: for the meeting page, whose Webex widget below depends on Webex, which the
     * tests cannot reach, so what it shows changes from run to run.
     */
    static void take(Page page, String name, int height) {
        if (!enabled()) {
            return;
        }
        ViewportSize viewport = page.viewportSize();
        page.setViewportSize(WIDTH, HEIGHT);
        try {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(IMAGES.resolve(name + ".png"))
                    .setClip(0, 0, WIDTH, height)
                    .setAnimations(ScreenshotAnimations.DISABLED)
                    .setCaret(ScreenshotCaret.HIDE));
        } finally {
            page.setViewportSize(viewport.width, viewport.height);
        }
    }
}
