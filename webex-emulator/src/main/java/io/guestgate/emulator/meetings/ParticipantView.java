package io.guestgate.emulator.meetings;

import io.guestgate.emulator.support.Times;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A participant in Webex's JSON shape (the spec's {@code Participant}). One place, because the list, the get, the
 * test routes and the {@code meetingParticipants} webhooks must all show the same object.
 */
@Component
class ParticipantView {

    private final Invitees invitees;
    private final MeetingInstances instances;

    ParticipantView(Invitees invitees, MeetingInstances instances) {
        this.invitees = invitees;
        this.instances = instances;
    }

    Map<String, Object> of(Participant p, Meeting m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.id());
        body.put("orgId", p.orgId());
        body.put("host", p.host());
        body.put("coHost", false);
        body.put("spaceModerator", false);
        if (p.email() != null) {
            body.put("email", p.email());
        }
        body.put("displayName", p.displayName());
        body.put("invitee", invitees.isInvited(m.id(), p.email()));
        body.put("muted", false);
        body.put(
                "meetingStartTime",
                Times.format(instances
                        .byId(p.meetingId())
                        .map(MeetingInstances.Instance::started)
                        .orElse(m.start())));
        body.put("video", "on");
        body.put("state", p.state().wire());
        if (p.joinedTime() != null) {
            body.put("joinedTime", Times.format(p.joinedTime()));
        }
        if (p.leftTime() != null) {
            body.put("leftTime", Times.format(p.leftTime()));
        }
        body.put("siteUrl", m.siteUrl());
        body.put("meetingId", p.meetingId());
        body.put("hostEmail", m.hostEmail());
        if (p.joinedTime() != null) {
            body.put("devices", List.of(device(p)));
        }
        return body;
    }

    private static Map<String, Object> device(Participant p) {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("correlationId", p.id().substring(p.id().lastIndexOf('_') + 1));
        device.put("deviceType", "webex_meeting_center_web");
        device.put("audioType", "voip");
        device.put("joinedTime", Times.format(p.joinedTime()));
        if (p.leftTime() != null) {
            device.put("leftTime", Times.format(p.leftTime()));
            device.put(
                    "durationSecond",
                    Duration.between(p.joinedTime(), p.leftTime()).toSeconds());
        }
        return device;
    }
}
