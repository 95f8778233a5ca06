package io.guestgate.domain;

import io.guestgate.platform.PlatformConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * What GuestGate knows: meetings, invitations, approvals, the lobby, organizer accounts and the audit trail, all kept
 * in Redis, on the platform it imports. The runnable application imports this; module tests boot it on its own.
 */
@Configuration(proxyBeanMethods = false)
// Test applications living in these packages must not be picked up by the scan.
@ComponentScan(
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)
        })
@ConfigurationPropertiesScan
@Import(PlatformConfiguration.class)
public class DomainConfiguration {}
