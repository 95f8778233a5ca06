package io.guestgate.landing.web;

import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.autoconfigure.error.DefaultErrorWebExceptionHandler;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;

/**
 * Spring Boot's error handling, as its auto-configuration sets it up, except for the log line of a server error: Boot
 * logs the request path, and under {@code /join/<token>} that path is a guest's personal link, which must never reach
 * a log. Here the token is written as {@code {token}}, and the error is logged without the checkpoints Reactor adds
 * to it, which name the path too.
 */
@Configuration(proxyBeanMethods = false)
class LinkSafeErrorHandling {

    /** Before Boot's own handlers, as Boot orders its default one. */
    @Bean
    @Order(-2)
    ErrorWebExceptionHandler errorWebExceptionHandler(
            ErrorAttributes errorAttributes,
            WebProperties web,
            ObjectProvider<ViewResolver> viewResolvers,
            ServerCodecConfigurer codecs,
            ApplicationContext context) {
        LinkSafeHandler handler = new LinkSafeHandler(errorAttributes, web, context);
        handler.setViewResolvers(viewResolvers.orderedStream().toList());
        handler.setMessageWriters(codecs.getWriters());
        handler.setMessageReaders(codecs.getReaders());
        return handler;
    }

    /** The path with a personal link's token replaced, e.g. {@code /join/{token}/meeting}. */
    static String withoutLinkToken(String path) {
        return LinkSafeHandler.JOIN.matcher(path).replaceFirst("/join/{token}");
    }

    static final class LinkSafeHandler extends DefaultErrorWebExceptionHandler {

        static final Pattern JOIN = Pattern.compile("^/join/[^/]+");
        private static final Log log = LogFactory.getLog(LinkSafeHandler.class);

        LinkSafeHandler(ErrorAttributes errorAttributes, WebProperties web, ApplicationContext context) {
            super(errorAttributes, web.getResources(), web.getError(), context);
        }

        @Override
        protected void logError(ServerRequest request, ServerResponse response, Throwable throwable) {
            String line = request.exchange().getLogPrefix() + " "
                    + response.statusCode().value() + " Server Error for " + "HTTP " + request.method() + " \""
                    + withoutLinkToken(request.path()) + "\"";
            if (log.isDebugEnabled()) {
                log.debug(line + ": " + throwable);
            }
            if (HttpStatus.INTERNAL_SERVER_ERROR.isSameCodeAs(response.statusCode())) {
                log.error(line, new Logged(throwable));
            }
        }
    }

    /**
     * The error as it is logged: its type, message, stack and causes, without what Reactor attached to it on the way
     * (its checkpoints name the request path, token and all).
     */
    static final class Logged extends RuntimeException {

        Logged(Throwable error) {
            super(error.toString(), error.getCause(), false, true);
            setStackTrace(error.getStackTrace());
        }
    }
}
