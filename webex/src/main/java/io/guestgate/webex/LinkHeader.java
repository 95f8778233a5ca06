package io.guestgate.webex;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code rel="next"} target from RFC 8288 {@code Link} headers, which Webex uses for paging. */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*\"?([^\";]*)\"?");

    private LinkHeader() {}

    static Optional<URI> next(List<String> headerValues) {
        for (String value : headerValues) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                while (rel.find()) {
                    for (String relation : rel.group(1).trim().split("\\s+")) {
                        if (relation.equalsIgnoreCase("next")) {
                            return Optional.of(URI.create(link.group(1).trim()));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
