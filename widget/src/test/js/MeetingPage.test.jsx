import {act, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {afterEach, describe, expect, it, onTestFinished, vi} from 'vitest';
import {PASSWORD, TOKEN, fakeWidgetModule, json, scriptedFetch, sessionBody} from './fixtures.jsx';
import {closePages, expectSecretsNowhere, openPage, watchConsole} from './page.jsx';

afterEach(closePages);

function page() {
  return screen.getByTestId('meeting-page');
}

describe('the meeting page', () => {
  it('says it is preparing the meeting while the session is on its way', async () => {
    const fetch = vi.fn(() => new Promise(() => {}));

    await openPage({fetch});

    expect(page()).toHaveAttribute('data-state', 'loading');
    expect(screen.getByRole('status')).toHaveTextContent('Preparing your meeting');
    expect(fetch).toHaveBeenCalledWith('/join/abc/session', expect.objectContaining({method: 'POST'}));
  });

  it('mounts the Webex widget for the destination and shows the verified name', async () => {
    const consoleText = watchConsole();
    const widget = fakeWidgetModule();
    await openPage({fetch: scriptedFetch(json(200, sessionBody({password: PASSWORD}))), loadWidget: widget.loadWidget});

    const wrapper = await screen.findByTestId('webex-widget');
    await screen.findByTestId('fake-widget');

    expect(page()).toHaveAttribute('data-state', 'ready');
    expect(wrapper).toHaveAttribute('data-destination', '123456789@example.webex.com');
    expect(screen.getByTestId('display-name')).toHaveTextContent('Anna Müller');
    expect(screen.getByText(/You join as/)).toBeInTheDocument();
    expect(widget.mounts).toHaveLength(1);
    expect(widget.mounts[0]).toEqual({
      accessToken: TOKEN,
      destination: '123456789@example.webex.com',
      displayName: 'Anna Müller',
      password: PASSWORD,
    });
    expect(screen.queryByTestId('sandbox-room')).not.toBeInTheDocument();
    expectSecretsNowhere(consoleText);
  });

  it('shows the sandbox meeting room instead of the widget in sandbox mode', async () => {
    const consoleText = watchConsole();
    const widget = fakeWidgetModule();
    await openPage({
      fetch: scriptedFetch(json(200, sessionBody({sandbox: true, password: PASSWORD}))),
      loadWidget: widget.loadWidget,
    });

    const room = await screen.findByRole('region', {name: 'Sandbox meeting room'});

    expect(room).toHaveAttribute('data-destination', '123456789@example.webex.com');
    expect(within(room).getByTestId('display-name')).toHaveTextContent('Anna Müller');
    expect(within(room).getByText('123456789@example.webex.com')).toBeInTheDocument();
    // A token's expiry means nothing to a guest: the page shows when the meeting is, never until when a token works.
    expect(room.querySelector('time')).toBeNull();
    expect(room).not.toHaveTextContent(/valid until|14 May 2030/);
    expect(within(room).getByText(/guest token was issued/)).toBeInTheDocument();
    expect(widget.loadWidget).not.toHaveBeenCalled();
    expect(screen.queryByTestId('webex-widget')).not.toBeInTheDocument();
    expectSecretsNowhere(consoleText);
  });

  it.each([401, 403, 404, 410])('asks the guest to open the link again after %i', async (status) => {
    await openPage({fetch: scriptedFetch(json(status, {message: 'no'}))});

    const alert = await screen.findByRole('alert');

    expect(alert).toHaveTextContent('Please open the link from your invitation email again.');
    expect(alert).toHaveAttribute('data-error', 'expired');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(page()).toHaveAttribute('data-state', 'expired');
  });

  it('asks the guest to open the link again when the token has already expired', async () => {
    const widget = fakeWidgetModule();
    await openPage({
      fetch: scriptedFetch(json(200, sessionBody({expiresAt: '2030-05-14T07:00:00Z'}))),
      loadWidget: widget.loadWidget,
    });

    expect(await screen.findByRole('alert')).toHaveAttribute('data-error', 'expired');
    expect(widget.loadWidget).not.toHaveBeenCalled();
  });

  it('offers a retry after a server error, and the retry asks for a new session', async () => {
    const fetch = scriptedFetch(json(503, {message: 'busy'}), json(200, sessionBody()));
    await openPage({fetch});

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The meeting could not be loaded.');
    expect(alert).toHaveAttribute('data-error', 'unavailable');

    await userEvent.click(within(alert).getByRole('button', {name: 'Try again'}));

    expect(await screen.findByTestId('fake-widget')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole('heading', {level: 1}));
  });

  it('offers a retry after a network failure', async () => {
    const fetch = scriptedFetch(new TypeError('Failed to fetch'), json(200, sessionBody({sandbox: true})));
    await openPage({fetch});

    await userEvent.click(await screen.findByRole('button', {name: 'Try again'}));

    expect(await screen.findByTestId('sandbox-room')).toBeInTheDocument();
  });

  it('shows a widget crash with a retry that fetches a fresh session and mounts the widget again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // React reports the caught render error as a window error event too; jsdom would print it as uncaught.
    const quiet = (event) => event.preventDefault();
    window.addEventListener('error', quiet);
    onTestFinished(() => window.removeEventListener('error', quiet));
    const widget = fakeWidgetModule({crashFirstLoad: true});
    const fetch = scriptedFetch(json(200, sessionBody()), json(200, sessionBody({accessToken: 'fresh-token'})));
    await openPage({fetch, loadWidget: widget.loadWidget});

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The meeting could not be started.');
    expect(alert).toHaveAttribute('data-error', 'widget');
    expect(screen.queryByTestId('fake-widget')).not.toBeInTheDocument();

    await userEvent.click(within(alert).getByRole('button', {name: 'Try again'}));

    expect(await screen.findByTestId('fake-widget')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(widget.loadWidget).toHaveBeenCalledTimes(2);
    expect(widget.mounts.map((props) => props.accessToken)).toEqual(['fresh-token']);
    expect(widget.mounts.every((props) => props.password === undefined)).toBe(true);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a failed download of the widget with a retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const widget = fakeWidgetModule();
    const loadWidget = vi.fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockImplementation(widget.loadWidget);
    await openPage({fetch: scriptedFetch(json(200, sessionBody()), json(200, sessionBody())), loadWidget});

    await userEvent.click(await screen.findByRole('button', {name: 'Try again'}));

    expect(await screen.findByTestId('fake-widget')).toBeInTheDocument();
    expect(loadWidget).toHaveBeenCalledTimes(2);
  });

  it('reports a failure inside the connected widget without tearing it down, and logs no token', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await openPage({fetch: scriptedFetch(json(200, sessionBody()))});
    await screen.findByTestId('fake-widget');

    const rejection = new Event('unhandledrejection', {cancelable: true});
    rejection.reason = new Error(`device registration failed: 401 for Bearer ${TOKEN}\nPOST https://wdm.example/devices`);
    await act(async () => window.dispatchEvent(rejection));

    expect(await screen.findByRole('alert')).toHaveAttribute('data-error', 'widget');
    expect(screen.getByTestId('fake-widget')).toBeInTheDocument();
    expect(rejection.defaultPrevented).toBe(true);
    expect(log).toHaveBeenCalledWith('Webex widget failed: Error: device registration failed: 401 for Bearer [redacted] '
      + '| POST https://wdm.example/devices');
    expect(JSON.stringify(log.mock.calls)).not.toContain(TOKEN);
  });

  it('leaves unrelated rejections alone when no live widget is mounted', async () => {
    await openPage({fetch: scriptedFetch(json(200, sessionBody({sandbox: true})))});
    await screen.findByTestId('sandbox-room');

    const rejection = new Event('unhandledrejection', {cancelable: true});
    rejection.reason = new Error('something else');
    await act(async () => window.dispatchEvent(rejection));

    expect(rejection.defaultPrevented).toBe(false);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('speaks German when the landing says so', async () => {
    await openPage({fetch: scriptedFetch(json(200, sessionBody())), lang: 'de', languages: ['en-US']});

    await screen.findByTestId('fake-widget');

    expect(screen.getByRole('heading', {level: 1})).toHaveTextContent('Ihr Meeting');
    expect(screen.getByText(/Sie nehmen teil als/)).toBeInTheDocument();
    expect(page()).toHaveAttribute('lang', 'de');
  });

  it('follows the browser language when the landing names none', async () => {
    await openPage({fetch: scriptedFetch(json(410, {})), lang: null, languages: ['de-AT', 'en']});

    expect(await screen.findByRole('alert')).toHaveTextContent('Bitte öffnen Sie den Link aus Ihrer Einladungs-E-Mail erneut.');
  });

  it('shows the sandbox room in German', async () => {
    await openPage({fetch: scriptedFetch(json(200, sessionBody({sandbox: true}))), lang: 'de'});

    const room = await screen.findByRole('region', {name: 'Sandbox-Meetingraum'});

    expect(within(room).getByText('Würde teilnehmen als')).toBeInTheDocument();
    expect(room).not.toHaveTextContent(/gültig bis|14\. Mai 2030/);
  });

  it('brings its own main landmark and h1 on a bare page', async () => {
    await openPage({fetch: scriptedFetch(json(410, {}))});

    expect(screen.getByRole('main', {name: 'Your meeting'})).toBe(page());
    expect(screen.getByRole('heading', {level: 1, name: 'Your meeting'})).toBeInTheDocument();
  });

  it('nests under the landing page\'s own main landmark and h1', async () => {
    await openPage({
      fetch: scriptedFetch(json(200, sessionBody({sandbox: true}))),
      shell: '<main><h1>Q3 review</h1>{mount}</main>',
    });

    await screen.findByTestId('sandbox-room');

    expect(screen.getAllByRole('main')).toHaveLength(1);
    expect(screen.getAllByRole('heading', {level: 1})).toHaveLength(1);
    expect(screen.getByRole('heading', {level: 2, name: 'Your meeting'})).toBeInTheDocument();
    expect(screen.getByRole('heading', {level: 3, name: 'Sandbox meeting room'})).toBeInTheDocument();
  });
});
