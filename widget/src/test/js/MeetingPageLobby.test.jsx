import {act, screen, within} from '@testing-library/react';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {PASSWORD, TOKEN, json, lobbyBody, pendingFetch, scriptedFetch, sessionBody} from './fixtures.jsx';
import {LOBBY_POLL_INTERVAL_MS} from '../../main/js/lobby.js';
import {
  SANDBOX_JOIN_URL,
  STATUS_URL,
  advance,
  closePages,
  expectSecretsNowhere,
  openPage,
  watchConsole,
} from './page.jsx';

// The door: once the page holds a session it asks the status endpoint about once a second where the guest
// stands, and shows it. Time is fake here, so every poll happens exactly when the test lets time pass.

beforeEach(() => {
  vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']});
});

afterEach(() => {
  closePages();
  vi.useRealTimers();
});

/** One polling interval: the page asks again this long after the previous answer. */
const INTERVAL = LOBBY_POLL_INTERVAL_MS;

function lobbyRegion() {
  return screen.getByTestId('lobby-state');
}

/** A status endpoint that always gives the same answer. */
function answeringStatus(state, organizer = null) {
  return vi.fn(async () => json(200, lobbyBody(state, organizer)));
}

async function openLivePage(options) {
  const opened = await openPage({fetch: scriptedFetch(json(200, sessionBody())), ...options});
  await advance();
  return opened;
}

describe('the lobby status', () => {
  it('asks the status endpoint with a same-origin GET for JSON, uncached, as soon as the session is there', async () => {
    const status = answeringStatus('connecting');

    await openLivePage({status});

    expect(status).toHaveBeenCalledTimes(1);
    const [url, init] = status.mock.calls[0];
    expect(url).toBe(STATUS_URL);
    expect(init.method).toBe('GET');
    expect(init.credentials).toBe('same-origin');
    expect(init.cache).toBe('no-store');
    expect(init.headers).toEqual({Accept: 'application/json'});
  });

  it('does not ask before the session is there', async () => {
    const status = answeringStatus('lobby');

    await openPage({fetch: pendingFetch(), status});
    await advance(5 * INTERVAL);

    expect(status).not.toHaveBeenCalled();
    expect(screen.queryByTestId('lobby-state')).not.toBeInTheDocument();
  });

  it('says the guest will be let in automatically while the first answer is on its way', async () => {
    await openLivePage({status: pendingFetch()});

    const region = lobbyRegion();
    expect(region).toHaveAttribute('role', 'status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveAttribute('data-lobby-state', 'connecting');
    expect(region).toHaveTextContent('You will be let in automatically as soon as you reach the meeting\'s lobby.');
  });

  it('asks about once a second and follows the guest from connecting to the lobby to the meeting, then stops', async () => {
    const status = scriptedFetch(
      json(200, lobbyBody('connecting')),
      json(200, lobbyBody('lobby')),
      json(200, lobbyBody('lobby')),
      json(200, lobbyBody('admitted')),
    );
    await openLivePage({status});

    expect(status).toHaveBeenCalledTimes(1);
    expect(lobbyRegion()).toHaveAttribute('data-lobby-state', 'connecting');

    await advance(INTERVAL - 1);
    expect(status).toHaveBeenCalledTimes(1);

    await advance(1);
    expect(status).toHaveBeenCalledTimes(2);
    expect(lobbyRegion()).toHaveAttribute('data-lobby-state', 'lobby');
    expect(lobbyRegion()).toHaveTextContent('You are waiting in the lobby. GuestGate is letting you in — no need to do anything.');

    await advance(INTERVAL);
    await advance(INTERVAL);
    expect(status).toHaveBeenCalledTimes(4);
    expect(lobbyRegion()).toHaveAttribute('data-lobby-state', 'admitted');
    expect(lobbyRegion()).toHaveTextContent('You are in the meeting.');

    await advance(10 * INTERVAL);
    expect(status).toHaveBeenCalledTimes(4);
    expect(screen.getByTestId('fake-widget')).toBeInTheDocument();
  });

  it('stops asking once the guest is refused, and names the organizer', async () => {
    const status = scriptedFetch(json(200, lobbyBody('lobby')), json(200, lobbyBody('refused', 'Max Muster')));
    await openLivePage({status});

    await advance(INTERVAL);
    await advance(10 * INTERVAL);

    expect(status).toHaveBeenCalledTimes(2);
    expect(lobbyRegion()).toHaveAttribute('data-lobby-state', 'refused');
    expect(lobbyRegion()).toHaveTextContent(
      'You cannot be let in with this invitation. Please ask the organizer, Max Muster.',
    );
    expect(screen.getByTestId('meeting-page')).toHaveAttribute('data-state', 'ready');
  });

  it('uses the interval it is given', async () => {
    const status = answeringStatus('lobby');
    await openLivePage({status, pollInterval: 250});

    await advance(1000);

    expect(status).toHaveBeenCalledTimes(5);
  });

  it('never asks twice at the same time when an answer takes longer than the interval', async () => {
    let answer;
    const status = vi.fn(() => new Promise((resolve) => {
      answer = resolve;
    }));
    await openLivePage({status});

    await advance(5 * INTERVAL);
    expect(status).toHaveBeenCalledTimes(1);

    await act(async () => answer(json(200, lobbyBody('lobby'))));
    await advance(INTERVAL);
    expect(status).toHaveBeenCalledTimes(2);
  });

  it('stops asking when the page goes away, and drops the request in flight', async () => {
    const status = answeringStatus('lobby');
    await openLivePage({status});
    await advance(INTERVAL);
    expect(status).toHaveBeenCalledTimes(2);

    let inFlight;
    status.mockImplementation((url, init) => {
      inFlight = init.signal;
      return new Promise(() => {});
    });
    await advance(INTERVAL);
    closePages();
    await advance(10 * INTERVAL);

    expect(status).toHaveBeenCalledTimes(3);
    expect(inFlight.aborted).toBe(true);
  });

  it.each([401, 403, 404, 410])('shows the ended session after %i and stops asking', async (code) => {
    const status = scriptedFetch(json(200, lobbyBody('lobby')), json(code, {message: 'gone'}));
    await openLivePage({status});

    await advance(INTERVAL);

    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('data-error', 'expired');
    expect(alert).toHaveTextContent('Please open the link from your invitation email again.');
    expect(screen.getByTestId('meeting-page')).toHaveAttribute('data-state', 'expired');
    expect(screen.queryByTestId('lobby-state')).not.toBeInTheDocument();
    expect(screen.queryByTestId('webex-widget')).not.toBeInTheDocument();

    await advance(10 * INTERVAL);
    expect(status).toHaveBeenCalledTimes(2);
  });

  it('keeps the last state through network errors, server errors and rate limits, and keeps asking', async () => {
    const status = scriptedFetch(
      json(200, lobbyBody('lobby')),
      new TypeError('Failed to fetch'),
      json(503, {message: 'busy'}),
      json(429, {message: 'slow down'}),
      json(500, {message: 'oops'}),
      new Response('<html>proxy error</html>', {status: 200, headers: {'Content-Type': 'text/html'}}),
      json(200, {state: 'teleported'}),
      json(200, lobbyBody('admitted')),
    );
    await openLivePage({status});

    for (let poll = 2; poll <= 7; poll += 1) {
      await advance(INTERVAL);
      expect(status).toHaveBeenCalledTimes(poll);
      expect(lobbyRegion()).toHaveAttribute('data-lobby-state', 'lobby');
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(screen.getByTestId('meeting-page')).toHaveAttribute('data-state', 'ready');
    }

    await advance(INTERVAL);
    expect(lobbyRegion()).toHaveAttribute('data-lobby-state', 'admitted');
    expect(screen.getByTestId('fake-widget')).toBeInTheDocument();
  });

  it('does not take focus when the state changes', async () => {
    const status = scriptedFetch(json(200, lobbyBody('connecting')), json(200, lobbyBody('lobby')));
    await openLivePage({status});
    const before = document.activeElement;

    await advance(INTERVAL);

    expect(lobbyRegion()).toHaveAttribute('data-lobby-state', 'lobby');
    expect(document.activeElement).toBe(before);
    expect(lobbyRegion()).not.toHaveAttribute('tabindex');
  });

  it('shows nothing about the lobby and asks nothing when the page names no status URL', async () => {
    const {pageFetch} = await openLivePage({statusUrl: null});
    await advance(5 * INTERVAL);

    expect(screen.queryByTestId('lobby-state')).not.toBeInTheDocument();
    expect(pageFetch).toHaveBeenCalledTimes(1);
  });

  it('starts over at connecting with the new session after a retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const status = scriptedFetch(json(200, lobbyBody('lobby')), json(200, lobbyBody('connecting')));
    const loadWidget = vi.fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue({default: () => <div data-testid="fake-widget" />});
    await openPage({fetch: scriptedFetch(json(200, sessionBody()), json(200, sessionBody())), status, loadWidget});
    await advance();
    expect(lobbyRegion()).toHaveAttribute('data-lobby-state', 'lobby');

    await act(async () => within(screen.getByRole('alert')).getByRole('button', {name: 'Try again'}).click());
    await advance();

    expect(status).toHaveBeenCalledTimes(2);
    expect(lobbyRegion()).toHaveAttribute('data-lobby-state', 'connecting');
  });
});

describe('the lobby texts', () => {
  it.each([
    ['en', 'connecting', null, 'You will be let in automatically as soon as you reach the meeting\'s lobby.'],
    ['en', 'lobby', null, 'You are waiting in the lobby. GuestGate is letting you in — no need to do anything.'],
    ['en', 'admitted', null, 'You are in the meeting.'],
    ['en', 'refused', null, 'You cannot be let in with this invitation. Please ask the organizer.'],
    ['en', 'refused', 'Max Muster', 'You cannot be let in with this invitation. Please ask the organizer, Max Muster.'],
    ['de', 'connecting', null, 'Sie werden automatisch eingelassen, sobald Sie in der Lobby des Meetings sind.'],
    ['de', 'lobby', null, 'Sie warten in der Lobby. GuestGate lässt Sie ein – Sie müssen nichts weiter tun.'],
    ['de', 'admitted', null, 'Sie sind im Meeting.'],
    ['de', 'refused', null, 'Mit dieser Einladung können Sie nicht eingelassen werden. '
      + 'Bitte wenden Sie sich an die Organisatorin oder den Organisator des Meetings.'],
    ['de', 'refused', 'Max Muster', 'Mit dieser Einladung können Sie nicht eingelassen werden. '
      + 'Bitte wenden Sie sich an die Organisatorin oder den Organisator des Meetings, Max Muster.'],
  ])('in %s, %s (organizer %s) reads as expected', async (lang, state, organizer, text) => {
    await openLivePage({lang, status: answeringStatus(state, organizer)});

    expect(lobbyRegion()).toHaveAttribute('data-lobby-state', state);
    expect(lobbyRegion()).toHaveTextContent(text, {normalizeWhitespace: true});
    expect(lobbyRegion().textContent).toBe(text);
  });

  it('shows an organizer\'s name as text, never as markup', async () => {
    await openLivePage({status: answeringStatus('refused', '<img src=x onerror=alert(1)>')});

    expect(lobbyRegion()).toHaveTextContent('Please ask the organizer, <img src=x onerror=alert(1)>.');
    expect(lobbyRegion().querySelector('img')).toBeNull();
  });
});

describe('the sandbox join', () => {
  function sandboxSession() {
    return scriptedFetch(json(200, sessionBody({sandbox: true, password: PASSWORD})));
  }

  it('posts the destination, the token and the password once, same-origin, with the CSRF header', async () => {
    const sandboxJoin = vi.fn(async () => new Response(null, {status: 204}));
    await openPage({fetch: sandboxSession(), status: answeringStatus('lobby'), sandboxJoin});
    await advance();

    expect(sandboxJoin).toHaveBeenCalledTimes(1);
    const [url, init] = sandboxJoin.mock.calls[0];
    expect(url).toBe(SANDBOX_JOIN_URL);
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.cache).toBe('no-store');
    expect(init.headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'X-XSRF-TOKEN': 'csrf-123',
    });
    expect(JSON.parse(init.body)).toEqual({
      destination: '123456789@example.webex.com',
      accessToken: TOKEN,
      password: PASSWORD,
    });

    await advance(5 * INTERVAL);
    expect(sandboxJoin).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('sandbox-join-error')).not.toBeInTheDocument();
  });

  it('sends a null password when the meeting has none', async () => {
    const sandboxJoin = vi.fn(async () => new Response(null, {status: 204}));
    await openPage({fetch: scriptedFetch(json(200, sessionBody({sandbox: true}))), sandboxJoin});
    await advance();

    expect(JSON.parse(sandboxJoin.mock.calls[0][1].body).password).toBeNull();
  });

  it('follows the door in the sandbox: the status endpoint moves the guest from the lobby into the meeting', async () => {
    const consoleText = watchConsole();
    const status = scriptedFetch(json(200, lobbyBody('connecting')), json(200, lobbyBody('lobby')),
      json(200, lobbyBody('admitted')));
    await openPage({fetch: sandboxSession(), status, sandboxJoin: vi.fn(async () => new Response(null, {status: 204}))});
    await advance();

    const room = screen.getByRole('region', {name: 'Sandbox meeting room'});
    expect(room).toBeInTheDocument();
    expect(lobbyRegion()).toHaveAttribute('data-lobby-state', 'connecting');

    await advance(INTERVAL);
    expect(lobbyRegion()).toHaveAttribute('data-lobby-state', 'lobby');
    await advance(INTERVAL);
    expect(lobbyRegion()).toHaveAttribute('data-lobby-state', 'admitted');
    expectSecretsNowhere(consoleText);
  });

  it.each([
    ['a server error', () => json(500, {message: 'emulator down'})],
    ['a refusal', () => json(403, {message: 'no'})],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('shows a small error in the sandbox panel after %s, and the status keeps being asked', async (_, answer) => {
    const consoleText = watchConsole();
    const status = answeringStatus('connecting');
    await openPage({fetch: sandboxSession(), status, sandboxJoin: vi.fn(async () => answer())});
    await advance();

    const room = screen.getByRole('region', {name: 'Sandbox meeting room'});
    const error = within(room).getByTestId('sandbox-join-error');
    expect(error).toHaveTextContent('The sandbox could not take you into the meeting\'s lobby.');
    expect(error).toHaveAttribute('role', 'alert');
    expect(within(room).getByTestId('display-name')).toHaveTextContent('Anna Müller');
    expect(screen.getByTestId('meeting-page')).toHaveAttribute('data-state', 'ready');

    await advance(2 * INTERVAL);
    expect(status).toHaveBeenCalledTimes(3);
    expectSecretsNowhere(consoleText);
  });

  it('shows the sandbox error in German', async () => {
    await openPage({
      fetch: sandboxSession(),
      lang: 'de',
      sandboxJoin: vi.fn(async () => json(500, {})),
    });
    await advance();

    expect(screen.getByTestId('sandbox-join-error'))
      .toHaveTextContent('Die Sandbox konnte Sie nicht in die Lobby des Meetings bringen.');
  });

  it('posts nothing without a sandbox join URL', async () => {
    const {pageFetch} = await openPage({fetch: sandboxSession(), status: answeringStatus('connecting')});
    await advance(3 * INTERVAL);

    expect(pageFetch.mock.calls.map(([url]) => url)).not.toContain(SANDBOX_JOIN_URL);
    expect(screen.getByTestId('sandbox-room')).toBeInTheDocument();
    expect(screen.queryByTestId('sandbox-join-error')).not.toBeInTheDocument();
  });

  it('posts nothing for a live session, even when the page names a sandbox join URL', async () => {
    const sandboxJoin = vi.fn(async () => new Response(null, {status: 204}));
    await openLivePage({sandboxJoin});
    await advance(3 * INTERVAL);

    expect(sandboxJoin).not.toHaveBeenCalled();
  });
});

describe('the secrets', () => {
  it.each(['admitted', 'refused'])('appear nowhere on a live page that reached %s', async (state) => {
    const consoleText = watchConsole();
    await openPage({
      fetch: scriptedFetch(json(200, sessionBody({password: PASSWORD}))),
      status: scriptedFetch(json(200, lobbyBody('lobby')), json(200, lobbyBody(state, 'Max Muster'))),
    });
    await advance();
    await advance(INTERVAL);

    expect(lobbyRegion()).toHaveAttribute('data-lobby-state', state);
    expectSecretsNowhere(consoleText);
  });

  it('appear nowhere after the status endpoint ended the session', async () => {
    const consoleText = watchConsole();
    await openPage({
      fetch: scriptedFetch(json(200, sessionBody({password: PASSWORD}))),
      status: scriptedFetch(json(410, {})),
    });
    await advance();

    expect(screen.getByTestId('meeting-page')).toHaveAttribute('data-state', 'expired');
    expectSecretsNowhere(consoleText);
  });
});
