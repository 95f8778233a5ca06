package io.guestgate.webex.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebexContractTest {

    private static final Map<String, List<String>> JSON_WITH_TOKEN = Map.of(
            "Authorization", List.of("Bearer organizer-token"),
            "Content-Type", List.of("application/json"));

    private static final String LOCKED_DOWN_MEETING = """
            {"title":"Q3 review","start":"2030-05-01T10:00:00+02:00","end":"2030-05-01T11:00:00+02:00",
             "timezone":"Europe/Vienna","enabledAutoRecordMeeting":false,"allowAnyUserToBeCoHost":false,
             "enabledJoinBeforeHost":true,"enableConnectAudioBeforeHost":false,"excludePassword":true,
             "publicMeeting":false,"enabledWebcastView":false,"enableAutomaticLock":false,
             "allowFirstUserToBeCoHost":false,"allowAuthenticatedDevices":false,"sendEmail":false,
             "unlockedMeetingJoinSecurity":"allowJoinWithLobby"}""";

    @Test
    void acceptsLockedDownCreateMeetingBody() {
        ContractReport report = WebexContract.assertValidRequest(
                "POST", "/v1/meetings", Map.of(), JSON_WITH_TOKEN, LOCKED_DOWN_MEETING);

        assertThat(report.spec()).isEqualTo("webex-meeting.json");
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void catchesMisspelledFlag() {
        String typo = LOCKED_DOWN_MEETING.replace("enabledJoinBeforeHost", "enableJoinBeforeHost");

        assertThatThrownBy(
                        () -> WebexContract.assertValidRequest("POST", "/v1/meetings", Map.of(), JSON_WITH_TOKEN, typo))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("enableJoinBeforeHost");
    }

    @Test
    void catchesMissingTitleAndUnknownEnumValue() {
        String noTitle = LOCKED_DOWN_MEETING.replace("\"title\":\"Q3 review\",", "");
        String badEnum = LOCKED_DOWN_MEETING.replace("allowJoinWithLobby", "letEveryoneIn");

        assertThat(WebexContract.validateRequest("POST", "/v1/meetings", Map.of(), JSON_WITH_TOKEN, noTitle)
                        .errors())
                .anySatisfy(error -> assertThat(error).contains("title"));
        assertThat(WebexContract.validateRequest("POST", "/v1/meetings", Map.of(), JSON_WITH_TOKEN, badEnum)
                        .errors())
                .anySatisfy(error -> assertThat(error).contains("letEveryoneIn"));
    }

    @Test
    void refusesTheValidatorsSilentPasses() {
        Map<String, List<String>> noContentType = Map.of("Authorization", List.of("Bearer t"));
        String typo = LOCKED_DOWN_MEETING.replace("enabledJoinBeforeHost", "enableJoinBeforeHost");

        assertThat(WebexContract.validateRequest("POST", "/v1/meetings", Map.of(), noContentType, typo)
                        .errors())
                .anySatisfy(error -> assertThat(error).startsWith("guard.request.contentType.missing"));
        assertThat(WebexContract.validateRequest("POST", "/v1/meetings", Map.of(), JSON_WITH_TOKEN, "")
                        .errors())
                .anySatisfy(error -> assertThat(error).startsWith("guard.request.body.missing"));
        assertThat(WebexContract.validateRequest(
                                "POST",
                                "/v1/meetings",
                                Map.of(),
                                Map.of("Content-Type", List.of("application/json")),
                                LOCKED_DOWN_MEETING)
                        .errors())
                .anySatisfy(error -> assertThat(error).startsWith("guard.request.authorization"));
        assertThat(WebexContract.validateResponse(
                                "GET", "/v1/meetings/abc", 200, Map.of("Content-Type", List.of("application/json")), "")
                        .errors())
                .anySatisfy(error -> assertThat(error).startsWith("guard.response.body.missing"));
    }

    @Test
    void catchesUnknownQueryParameterAndUnknownPath() {
        assertThat(WebexContract.validateRequest("GET", "/v1/meetings?maxx=10", Map.of(), JSON_WITH_TOKEN, null)
                        .errors())
                .anySatisfy(error -> assertThat(error).contains("maxx"));
        assertThat(WebexContract.validateRequest("GET", "/v1/nothing/here", Map.of(), JSON_WITH_TOKEN, null)
                        .errors())
                .containsExactly("guard.path.unknown: no Webex spec declares /nothing/here");
    }

    @Test
    void acceptsAdaptiveCardMessageThanksToPatchedAttachmentSchema() {
        String card = """
                {"toPersonEmail":"anna@example.com","markdown":"Your meeting","attachments":[
                 {"contentType":"application/vnd.microsoft.card.adaptive",
                  "content":{"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"Hi"}]}}]}""";
        String cardWithoutContent = """
                {"roomId":"r1","text":"x","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive"}]}""";

        WebexContract.assertValidRequest("POST", "/v1/messages", Map.of(), JSON_WITH_TOKEN, card);
        assertThat(WebexContract.validateRequest("POST", "/v1/messages", Map.of(), JSON_WITH_TOKEN, cardWithoutContent)
                        .errors())
                .anySatisfy(error -> assertThat(error).contains("content"));
    }

    @Test
    void routesEachPathToTheSpecThatDeclaresIt() {
        assertThat(WebexContract.specFor("/v1/messages/m1")).contains(WebexSpec.MESSAGING);
        assertThat(WebexContract.specFor("/v1/meetings/join")).contains(WebexSpec.MEETING);
        assertThat(WebexContract.specFor("/v1/meetingParticipants/admit")).contains(WebexSpec.MEETING);
        assertThat(WebexContract.specFor("/guests/token")).contains(WebexSpec.ADMIN);
        assertThat(WebexContract.specFor("/v1/people/me")).isPresent();
        assertThat(WebexContract.specFor("/v1/jwt/login")).isEmpty();
    }

    @Test
    void toleratesUndocumentedResponseFieldsButNotWrongTypes() {
        Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));
        String me = """
                {"id":"p1","emails":["o@example.com"],"displayName":"Olga","type":"person","orgId":"o1","brandNewField":1}""";
        String wrongType = """
                {"id":"p1","emails":"o@example.com","displayName":"Olga"}""";

        ContractReport ok = WebexContract.assertValidResponse("GET", "/v1/people/me", 200, json, me);
        assertThat(ok.warnings()).anySatisfy(warning -> assertThat(warning).contains("brandNewField"));
        assertThat(WebexContract.validateResponse("GET", "/v1/people/me", 200, json, wrongType)
                        .hasErrors())
                .isTrue();
    }

    @Test
    void toleratesErrorBodiesTheSpecsDeclareWithoutContent() {
        String error = """
                {"message":"The requested resource could not be found.","errors":[{"description":"not found"}],"trackingId":"t1"}""";

        WebexContract.assertValidResponse(
                "GET", "/v1/meetings/nope", 404, Map.of("Content-Type", List.of("application/json")), error);
    }

    @Test
    void loadsAllThreeSpecsWithTheirRepairs() {
        for (WebexSpec spec : WebexSpec.values()) {
            assertThat(spec.loaded().validator()).as(spec.fileName()).isNotNull();
        }
    }
}
