package io.guestgate.landing.web;

import io.guestgate.platform.GuestgateProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.data.redis.RedisSessionMapper;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import reactor.core.publisher.Mono;

/**
 * The guest's web session (Spring Session, in Redis): what it is written as, and its cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebSessions {

    /** Spring Session takes this serializer, by its name, for every value of a session. */
    @Bean("springSessionDefaultRedisSerializer")
    RedisSerializer<Object> springSessionDefaultRedisSerializer() {
        return new SessionValueSerializer();
    }

    /**
     * A session Redis holds but this version cannot read (written by a version that serialised Java objects, or
     * tampered with) is dropped, as an expired one is: the guest starts again from their link instead of getting an
     * error page.
     */
    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> dropUnreadableSessions() {
        RedisSessionMapper mapper = new RedisSessionMapper();
        return repository ->
                repository.setRedisSessionMapper((id, values) -> Mono.fromSupplier(() -> mapper.apply(id, values))
                        .onErrorResume(RuntimeException.class, e -> Mono.empty()));
    }

    /**
     * The session cookie is {@code Secure} whenever guests reach GuestGate over https, even when the request arrives
     * as plain http from a TLS-terminating proxy (Spring sets {@code Secure} only for an https request). It is a
     * post-processor so that Spring Boot's {@code server.reactive.session.cookie.*} settings still apply.
     */
    @Bean
    static BeanPostProcessor secureSessionCookie(ObjectProvider<GuestgateProperties> guestgate) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof CookieWebSessionIdResolver resolver
                        && guestgate.getObject().isHttps()) {
                    resolver.addCookieInitializer(cookie -> cookie.secure(true));
                }
                return bean;
            }
        };
    }
}
