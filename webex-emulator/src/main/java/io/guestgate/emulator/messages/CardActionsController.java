package io.guestgate.emulator.messages;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.support.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /attachment/actions}: submit a card (answers 202, as the spec declares) and read a submission. */
@RestController
class CardActionsController {

    private final CardActions actions;

    CardActionsController(CardActions actions) {
        this.actions = actions;
    }

    record Submit(String type, String messageId, Map<String, Object> inputs) {}

    @PostMapping("/v1/attachment/actions")
    ResponseEntity<Map<String, Object>> submit(Caller caller, @RequestBody(required = false) Submit body) {
        if (caller.kind() != Caller.Kind.PERSON) {
            throw ApiException.forbidden("Only people submit cards.");
        }
        if (body == null || body.messageId() == null) {
            throw ApiException.badRequest("type, messageId and inputs are required.");
        }
        CardActions.CardAction action = actions.submit(caller.personId(), body.type(), body.messageId(), body.inputs());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(CardActions.view(action));
    }

    @GetMapping("/v1/attachment/actions/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        return CardActions.view(actions.readableBy(caller.personId(), id)
                .orElseThrow(() -> ApiException.notFound("Attachment action not found.")));
    }
}
