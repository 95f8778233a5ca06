// The only module that imports @webex/widgets (and with it the Webex SDK, about 2 MB). It is loaded with a
// dynamic import(), so the sandbox panel, the loading state and every error state never download it.
import {WebexMeetingsWidget} from '@webex/widgets';
import '@webex/widgets/dist/css/webex-widgets.css';

export default function WebexWidget({accessToken, destination}) {
  return <WebexMeetingsWidget accessToken={accessToken} meetingDestination={destination} className="gg-webex" />;
}
