package io.guestgate.domain.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A connection to the real Redis on 127.0.0.1:6379 for tests without a Spring context, or for looking at keys after
 * the contexts under test closed. As a static {@code @RegisterExtension} field it opens before a class's tests and
 * closes after them; elsewhere, {@link #open()} it and close it.
 */
public final class LocalRedis implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private LettuceConnectionFactory factory;

    public LocalRedis open() {
        factory = new LettuceConnectionFactory("127.0.0.1", 6379);
        factory.afterPropertiesSet();
        factory.start();
        return this;
    }

    public ReactiveStringRedisTemplate reactive() {
        return new ReactiveStringRedisTemplate(factory);
    }

    public StringRedisTemplate blocking() {
        return new StringRedisTemplate(factory);
    }

    @Override
    public void close() {
        if (factory != null) {
            factory.destroy();
            factory = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
