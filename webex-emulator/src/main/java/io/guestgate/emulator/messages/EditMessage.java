package io.guestgate.emulator.messages;

/** The body of PUT /messages/{messageId}. */
record EditMessage(String roomId, String text, String markdown) {}
