import {act} from '@testing-library/react';
import {expect, vi} from 'vitest';
import {mountMeetingPage} from '../../main/js/app.jsx';
import {PASSWORD, TOKEN, fakeWidgetModule, fixedNow, pendingFetch, routedFetch} from './fixtures.jsx';

// Opens the meeting page as the landing renders it, with a fetch per endpoint. Shared by the page's test files.

export const SESSION_URL = '/join/abc/session';
export const STATUS_URL = '/join/abc/lobby';
export const SANDBOX_JOIN_URL = '/sandbox/meeting/join';

const roots = [];

/** Unmounts every page opened since the last call (an afterEach of each test file). */
export function closePages() {
  roots.splice(0).forEach((root) => act(() => root.unmount()));
}

/**
 * @param {object} options fetch answers the session endpoint; status the lobby status endpoint (by default it
 *   never answers); sandboxJoin, when given, adds data-sandbox-join-url and answers it; statusUrl null leaves
 *   data-status-url out
 */
export async function openPage({
  fetch,
  status = pendingFetch(),
  sandboxJoin,
  statusUrl = STATUS_URL,
  loadWidget = fakeWidgetModule().loadWidget,
  lang = 'en',
  languages = ['en-GB'],
  shell,
  pollInterval,
}) {
  const langAttribute = lang ? ` data-lang="${lang}"` : '';
  const statusAttribute = statusUrl ? ` data-status-url="${statusUrl}"` : '';
  const joinAttribute = sandboxJoin ? ` data-sandbox-join-url="${SANDBOX_JOIN_URL}"` : '';
  const mount = `<div id="gg-meeting" data-session-url="${SESSION_URL}"${statusAttribute}${joinAttribute}
    data-csrf-header="X-XSRF-TOKEN" data-csrf-token="csrf-123"${langAttribute}></div>`;
  document.body.innerHTML = shell ? shell.replace('{mount}', mount) : mount;
  const element = document.getElementById('gg-meeting');
  const routes = {[SESSION_URL]: fetch};
  if (statusUrl) {
    routes[statusUrl] = status;
  }
  if (sandboxJoin) {
    routes[SANDBOX_JOIN_URL] = sandboxJoin;
  }
  const pageFetch = routedFetch(routes);
  await act(async () => {
    roots.push(mountMeetingPage(element, {fetch: pageFetch, now: fixedNow, loadWidget, navigator: {languages}, pollInterval}));
  });
  return {element, pageFetch};
}

/** Lets fake time pass and the page settle (answers parsed, effects run, state rendered). */
export async function advance(ms = 0) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

/** Records everything written to the console from now on, without printing it. */
export function watchConsole() {
  const spies = ['log', 'info', 'warn', 'error', 'debug'].map((level) => vi.spyOn(console, level).mockImplementation(() => {}));
  return () => JSON.stringify(spies.flatMap((spy) => spy.mock.calls), (key, value) => (value instanceof Error
    ? `${value.name}: ${value.message} ${value.stack}`
    : value));
}

/**
 * The token and the password must not be anywhere a person, an extension or a later visitor could read them:
 * the DOM, the URL, cookies, storage, or (given the console recording) a log.
 */
export function expectSecretsNowhere(consoleText = () => '') {
  for (const secret of [TOKEN, PASSWORD]) {
    expect(document.documentElement.outerHTML).not.toContain(secret);
    expect(window.location.href).not.toContain(secret);
    expect(document.cookie).not.toContain(secret);
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i += 1) {
        expect(storage.getItem(storage.key(i))).not.toContain(secret);
      }
    }
    expect(consoleText()).not.toContain(secret);
  }
}
