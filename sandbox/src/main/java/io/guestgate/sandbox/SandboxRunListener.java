package io.guestgate.sandbox;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Starts the sandbox's offline world when the profile {@code sandbox} is active, before the application context
 * (which connects to Redis and discovers the identity provider while it starts), and stops it after the context's
 * beans are gone: on a normal close, on Ctrl-C or SIGTERM (Spring's shutdown hook closes the context), and on a
 * failed start. Should a JVM exit without closing the context, Spring's shutdown handlers close the world last.
 * <p>
 * A run listener rather than an {@code EnvironmentPostProcessor}, because it also hears about the context and about
 * failures, which is what it takes to never leave a process behind.
 */
public final class SandboxRunListener implements SpringApplicationRunListener, Ordered {

    static final String PROFILE = "sandbox";
    static final String PROPERTY_SOURCE = "guestgate-sandbox";
    static final String BEAN_NAME = "guestgateSandboxWorld";

    /** The emulator is a Spring application of its own: starting it must not start another world. */
    private static final ThreadLocal<Boolean> starting = ThreadLocal.withInitial(() -> false);

    private SandboxWorld world;
    /** A safety net for a JVM that exits without closing the context: Spring runs it after closing the contexts. */
    private Runnable closeAtExit;

    public SandboxRunListener(SpringApplication application, String[] args) {
        // Spring's contract for run listeners; this one needs neither.
    }

    /** After Boot's own listener (order 0), so that the config files and active profiles are known. */
    @Override
    public int getOrder() {
        return 10;
    }

    @Override
    public void environmentPrepared(
            ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
        if (starting.get() || !environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        SandboxSettings settings = Binder.get(environment).bindOrCreate("guestgate.sandbox", SandboxSettings.class);
        int appPort = FreePorts.orFree(environment.getProperty("server.port", Integer.class, 8080));
        starting.set(true);
        try {
            world = SandboxWorld.start(settings, appPort);
        } finally {
            starting.remove();
        }
        closeAtExit = world::close;
        SpringApplication.getShutdownHandlers().add(closeAtExit);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE, world.applicationProperties()));
    }

    @Override
    public void contextPrepared(ConfigurableApplicationContext context) {
        if (world == null) {
            return;
        }
        context.getBeanFactory().registerSingleton(BEAN_NAME, world);
        // Registered before any other bean, so destroyed after all of them: the application's Redis connections and
        // mail sender are gone before the servers they talk to stop. Boot's contexts all use a
        // DefaultListableBeanFactory, which is such a registry.
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean(BEAN_NAME, this::closeWorld);
    }

    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        if (world != null) {
            closeWorld();
        }
    }

    private void closeWorld() {
        world.close();
        try {
            SpringApplication.getShutdownHandlers().remove(closeAtExit);
        } catch (IllegalStateException shuttingDown) {
            // Closed by the JVM's shutdown: the handler list is being run and cannot change, nor need it.
        }
    }
}
