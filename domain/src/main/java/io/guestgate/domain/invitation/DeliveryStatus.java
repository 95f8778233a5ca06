package io.guestgate.domain.invitation;

/** Whether the latest invitation mail reached the SMTP relay. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
