package io.guestgate.landing.meeting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param enabled the offline sandbox: the meeting page shows who would join instead of opening Webex */
@ConfigurationProperties("guestgate.sandbox")
public record SandboxProperties(@DefaultValue("false") boolean enabled) {}
