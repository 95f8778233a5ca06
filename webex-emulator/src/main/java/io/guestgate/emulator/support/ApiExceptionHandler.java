package io.guestgate.emulator.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Turns every failure, including unknown routes and unreadable bodies, into Webex's error shape. */
@Component
@Order(-2)
class ApiExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final JsonMapper json;

    ApiExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatusCode status;
        String message;
        if (ex instanceof ApiException api) {
            status = api.status();
            message = api.getMessage();
            api.headers().forEach((k, v) -> response.getHeaders().set(k, v));
        } else if (ex instanceof ServerWebInputException input) {
            status = HttpStatus.BAD_REQUEST;
            message = "The request could not be understood: "
                    + (input.getReason() == null ? "malformed input" : input.getReason());
        } else if (ex instanceof ResponseStatusException rse) {
            status = rse.getStatusCode();
            message = status.value() == 404 ? "The requested resource could not be found." : messageFor(rse);
        } else {
            log.warn(
                    "Emulator failed on {} {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    ex);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            message = "Something went wrong in the emulator.";
        }
        return write(exchange, status, message);
    }

    private static String messageFor(ResponseStatusException rse) {
        return rse.getReason() != null ? rse.getReason() : rse.getStatusCode().toString();
    }

    /** Writes an error body; also used by filters that answer before a controller runs. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String message) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] bytes = json.writeValueAsBytes(ErrorBody.of(message, TrackingIds.of(exchange)));
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
