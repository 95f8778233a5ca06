import {createRoot} from 'react-dom/client';
import MeetingPage from './MeetingPage.jsx';
import {readMountConfig} from './mount.js';

const loadWebexWidget = () => import('./WebexWidget.jsx');

/**
 * Mounts the meeting page into the landing's element (#gg-meeting) and returns the React root.
 * Tests pass fetch, now and loadWidget; the page itself uses the browser's and the real widget. pollInterval
 * (milliseconds) overrides how often the page asks for the lobby status.
 */
export function mountMeetingPage(element, {fetch, now, loadWidget = loadWebexWidget, navigator, pollInterval} = {}) {
  const config = readMountConfig(element, {navigator});
  const root = createRoot(element);
  // No StrictMode: in development it runs effects twice, and each run would mint another guest token.
  root.render(<MeetingPage config={config} loadWidget={loadWidget} fetch={fetch} now={now} pollInterval={pollInterval} />);
  return root;
}
