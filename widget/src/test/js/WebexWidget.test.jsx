import {render} from '@testing-library/react';
import {describe, expect, it, vi} from 'vitest';
import WebexWidget from '../../main/js/WebexWidget.jsx';
import {PASSWORD, TOKEN} from './fixtures.jsx';

// The real @webex/widgets needs a browser and Webex; what matters here is which props this page hands it.
const widgetProps = vi.hoisted(() => []);
vi.mock('@webex/widgets', () => ({
  WebexMeetingsWidget: (props) => {
    widgetProps.push(props);
    return null;
  },
}));
vi.mock('@webex/widgets/dist/css/webex-widgets.css', () => ({}));

describe('WebexWidget', () => {
  it('passes the meeting password and the verified name, so the widget asks the guest for neither', () => {
    widgetProps.length = 0;

    render(<WebexWidget accessToken={TOKEN} destination="123@example.webex.com" displayName="Anna Müller" password={PASSWORD} />);

    expect(widgetProps).toEqual([{
      accessToken: TOKEN,
      meetingDestination: '123@example.webex.com',
      participantName: 'Anna Müller',
      meetingPasswordOrPin: PASSWORD,
      className: 'gg-webex',
    }]);
  });

  it.each([
    ['absent', undefined],
    ['null', null],
  ])('leaves the password prop out when the password is %s', (_, password) => {
    widgetProps.length = 0;

    render(<WebexWidget accessToken={TOKEN} destination="123@example.webex.com" displayName="Anna Müller" password={password} />);

    expect(widgetProps).toHaveLength(1);
    expect(widgetProps[0]).not.toHaveProperty('meetingPasswordOrPin');
    expect(widgetProps[0].participantName).toBe('Anna Müller');
  });
});
