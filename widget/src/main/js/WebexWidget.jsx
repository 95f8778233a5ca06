// The only module that imports @webex/widgets (and with it the Webex SDK, about 2 MB). It is loaded with a
// dynamic import(), so the sandbox panel, the loading state and every error state never download it.
import {WebexMeetingsWidget} from '@webex/widgets';
import '@webex/widgets/dist/css/webex-widgets.css';

/**
 * The Meetings widget, joining as the verified name. @webex/widgets 1.28.2 hands participantName and
 * meetingPasswordOrPin to its join (adapter joinMeeting → meeting.verifyPassword, then meeting.join with
 * alias and pin). Given a password, it never opens its own password dialog, whose form would let the guest
 * type another name. Without one the prop is left out, so the widget's default (empty) applies.
 */
export default function WebexWidget({accessToken, destination, displayName, password}) {
  const passwordProps = password ? {meetingPasswordOrPin: password} : {};
  return (
    <WebexMeetingsWidget
      accessToken={accessToken}
      meetingDestination={destination}
      participantName={displayName}
      {...passwordProps}
      className="gg-webex"
    />
  );
}
