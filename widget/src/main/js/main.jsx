// Entry of meeting.js. The landing's page holds <div id="gg-meeting" data-session-url=…> and this script.
import './meeting.css';
import {mountMeetingPage} from './app.jsx';

const element = document.getElementById('gg-meeting');
if (element) {
  mountMeetingPage(element);
}
