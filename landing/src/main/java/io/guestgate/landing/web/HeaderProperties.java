package io.guestgate.landing.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param contentSecurityPolicy replaces the built-in policy when set (e.g. when Webex moves the widget's hosts);
 *                              the built-in one allows this site and Webex's own hosts only
 */
@ConfigurationProperties("guestgate.landing")
public record HeaderProperties(String contentSecurityPolicy) {

    public HeaderProperties {
        if (contentSecurityPolicy != null
                && (contentSecurityPolicy.isBlank()
                        || contentSecurityPolicy.chars().anyMatch(Character::isISOControl))) {
            contentSecurityPolicy = null;
        }
    }
}
