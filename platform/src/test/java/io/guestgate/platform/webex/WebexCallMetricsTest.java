package io.guestgate.platform.webex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebexCallMetricsTest {

    @ParameterizedTest
    @CsvSource({
        "/v1/meetings, /v1/meetings",
        "/v1/meetings/870f51ff287b41be84648412901e0402, /v1/meetings/{id}",
        "/v1/people/me, /v1/people/me",
        "/v1/messages/Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk, /v1/messages/{id}",
        "/v1/attachment/actions/Y2lzY29zcGFyazovL3VzL0FUVEFDSE1FTlRfQUNUSU9OLzE, /v1/attachment/actions/{id}",
        "/v1/meetingParticipants/admit, /v1/meetingParticipants/admit",
        "/v1/webhooks/a1b2, /v1/webhooks/{id}",
        "/, /"
    })
    void replacesIdsInRoutes(String path, String route) {
        assertThat(WebexCallMetrics.route(path)).isEqualTo(route);
    }
}
