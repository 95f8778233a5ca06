package io.guestgate.emulator.meetings;

import io.guestgate.emulator.support.Times;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test route: every meeting of every host, with everyone who came to any of its instances: in the lobby, in the
 * meeting, or gone.
 */
@RestController
class MeetingsTestRoutes {

    private final MeetingStore meetings;
    private final Participants participants;

    MeetingsTestRoutes(MeetingStore meetings, Participants participants) {
        this.meetings = meetings;
        this.participants = participants;
    }

    @GetMapping("/_emulator/meetings")
    Map<String, Object> list() {
        return Map.of(
                "items",
                meetings.all().stream()
                        .map(m -> {
                            Map<String, Object> view = MeetingView.series(m);
                            view.put(
                                    "participants",
                                    participants.of(m.id()).stream()
                                            .map(MeetingsTestRoutes::summary)
                                            .toList());
                            return view;
                        })
                        .toList());
    }

    private static Map<String, Object> summary(Participant p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", p.id());
        view.put("meetingId", p.meetingId());
        if (p.personId() != null) {
            view.put("personId", p.personId());
        }
        view.put("displayName", p.displayName());
        if (p.email() != null) {
            view.put("email", p.email());
        }
        view.put("orgId", p.orgId());
        view.put("host", p.host());
        view.put("state", p.state().wire());
        if (p.joinedTime() != null) {
            view.put("joinedTime", Times.format(p.joinedTime()));
        }
        if (p.leftTime() != null) {
            view.put("leftTime", Times.format(p.leftTime()));
        }
        return view;
    }
}
