package io.guestgate.emulator.messages;

import java.util.List;
import java.util.Map;

/** The body of POST /messages. */
record PostMessage(
        String roomId,
        String parentId,
        String toPersonId,
        String toPersonEmail,
        String text,
        String markdown,
        List<String> files,
        List<Map<String, Object>> attachments) {}
