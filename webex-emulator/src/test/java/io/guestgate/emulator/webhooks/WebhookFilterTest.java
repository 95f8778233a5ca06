package io.guestgate.emulator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestgate.emulator.support.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookFilterTest {

    static final Map<String, List<String>> MESSAGE = Map.of(
            "roomId",
            List.of("room-1"),
            "roomType",
            List.of("group"),
            "personEmail",
            List.of("olivia@example.com"),
            "mentionedPeople",
            List.of("bot-1", "peter-1"),
            "hasFiles",
            List.of("false"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NONE",
            value = {
                "NONE                              | true",
                "roomId=room-1                     | true",
                "roomId=room-2                     | false",
                "roomType=group&mentionedPeople=me | true",
                "mentionedPeople=peter-1           | true",
                "mentionedPeople=someone           | false",
                "personEmail=OLIVIA%40example.com  | true",
                "roomId=room-1&hasFiles=true       | false"
            })
    void matchesEveryCondition(String filter, boolean expected) {
        assertThat(WebhookFilter.matches(filter, "messages", "bot-1", MESSAGE)).isEqualTo(expected);
    }

    static final Map<String, List<String>> PARTICIPANT = Map.of(
            "meetingId",
            List.of("series-1", "series-1_20300302T090000Z", "series-1_I_197977258267247872"),
            "hostUserId",
            List.of("olivia-1"),
            "hostEmail",
            List.of("olivia@example.com"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NONE",
            value = {
                "NONE                                  | true",
                "meetingId=series-1                    | true",
                "meetingId=series-1_I_197977258267247872 | true",
                "meetingId=series-1_20300302T090000Z   | true",
                "meetingId=series-2                    | false",
                "meetingId=series-1_I_1                | false"
            })
    void matchesMeetingParticipantsBySeriesOccurrenceOrInstance(String filter, boolean expected) {
        assertThat(WebhookFilter.matches(filter, "meetingParticipants", "olivia-1", PARTICIPANT))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"roomId=abc", "personEmail=a@example.com", "meetingId"})
    void rejectsFiltersMeetingParticipantsDoNotHave(String filter) {
        assertThatThrownBy(() -> WebhookFilter.parse(filter, "meetingParticipants"))
                .isInstanceOf(ApiException.class);
    }

    @ParameterizedTest
    @CsvSource({"color=blue", "roomId", "roomId=", "=x"})
    void rejectsUnknownKeysAndMalformedConditions(String filter) {
        assertThatThrownBy(() -> WebhookFilter.parse(filter, "messages")).isInstanceOf(ApiException.class);
    }
}
