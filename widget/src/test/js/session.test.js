import {describe, expect, it} from 'vitest';
import {requestSession, toSession} from '../../main/js/session.js';
import {NOW, PASSWORD, TOKEN, fixedNow, json, scriptedFetch, sessionBody} from './fixtures.jsx';

const CONFIG = {sessionUrl: '/join/abc/session', csrfHeader: 'X-XSRF-TOKEN', csrfToken: 'csrf-123'};

describe('requestSession', () => {
  it('posts same-origin with the CSRF header and asks for JSON', async () => {
    const fetch = scriptedFetch(json(200, sessionBody()));

    await requestSession(CONFIG, {fetch, now: fixedNow});

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/join/abc/session');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.cache).toBe('no-store');
    expect(init.headers).toEqual({'X-XSRF-TOKEN': 'csrf-123', Accept: 'application/json'});
  });

  it('sends no CSRF header when the page names none', async () => {
    const fetch = scriptedFetch(json(200, sessionBody()));

    await requestSession({sessionUrl: '/join/abc/session'}, {fetch, now: fixedNow});

    expect(fetch.mock.calls[0][1].headers).toEqual({Accept: 'application/json'});
  });

  it('returns the session of a valid answer', async () => {
    const fetch = scriptedFetch(json(200, sessionBody({sandbox: true})));

    const outcome = await requestSession(CONFIG, {fetch, now: fixedNow});

    expect(outcome.status).toBe('ready');
    expect(outcome.session).toMatchObject({
      destination: '123456789@example.webex.com',
      displayName: 'Anna Müller',
      sandbox: true,
    });
    expect(outcome.session.expiresAt.toISOString()).toBe('2030-05-14T08:05:00.000Z');
    expect(outcome.session.accessToken).toBe(TOKEN);
  });

  it.each([401, 403, 404, 410])('treats %i as an ended session', async (status) => {
    const fetch = scriptedFetch(json(status, {message: 'gone'}));

    expect(await requestSession(CONFIG, {fetch, now: fixedNow})).toEqual({status: 'expired'});
  });

  it.each([500, 502, 503, 429, 400])('treats %i as a passing failure worth a retry', async (status) => {
    const fetch = scriptedFetch(json(status, {message: 'busy'}));

    expect(await requestSession(CONFIG, {fetch, now: fixedNow})).toEqual({status: 'unavailable'});
  });

  it('treats a network failure as a passing failure', async () => {
    const fetch = scriptedFetch(new TypeError('Failed to fetch'));

    expect(await requestSession(CONFIG, {fetch, now: fixedNow})).toEqual({status: 'unavailable'});
  });

  it('lets an abort through, so a page that went away does not update', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const fetch = scriptedFetch(abort);

    await expect(requestSession(CONFIG, {fetch, now: fixedNow})).rejects.toBe(abort);
  });

  it.each([
    ['in the past', '2030-05-14T07:59:59Z'],
    ['right now', NOW.toISOString()],
  ])('treats a token that expires %s as an ended session', async (_, expiresAt) => {
    const fetch = scriptedFetch(json(200, sessionBody({expiresAt})));

    expect(await requestSession(CONFIG, {fetch, now: fixedNow})).toEqual({status: 'expired'});
  });

  it('treats an answer that is not JSON as a passing failure', async () => {
    const fetch = scriptedFetch(new Response('<html>login</html>', {status: 200, headers: {'Content-Type': 'text/html'}}));

    expect(await requestSession(CONFIG, {fetch, now: fixedNow})).toEqual({status: 'unavailable'});
  });

  it('asks nothing when the page carries no session URL', async () => {
    const fetch = scriptedFetch();

    expect(await requestSession({sessionUrl: null}, {fetch, now: fixedNow})).toEqual({status: 'expired'});
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('toSession', () => {
  it.each([
    ['no token', {accessToken: undefined}],
    ['a blank token', {accessToken: '  '}],
    ['no destination', {destination: ''}],
    ['no display name', {displayName: null}],
    ['an unreadable expiry', {expiresAt: 'tomorrow'}],
    ['a numeric expiry', {expiresAt: 1900000000}],
    ['sandbox as text', {sandbox: 'false'}],
    ['a numeric password', {password: 1234}],
    ['a password that is an object', {password: {value: 'x'}}],
  ])('rejects an answer with %s', (_, overrides) => {
    expect(toSession(sessionBody(overrides))).toBeNull();
  });

  it('rejects what is not an object', () => {
    expect(toSession(null)).toBeNull();
    expect(toSession('token')).toBeNull();
  });

  it('keeps the token and the password out of serialisation and spreading', () => {
    const session = toSession(sessionBody({password: PASSWORD}));

    for (const secret of [TOKEN, PASSWORD]) {
      expect(JSON.stringify(session)).not.toContain(secret);
      expect(Object.values({...session})).not.toContain(secret);
      expect(String(session)).not.toContain(secret);
    }
    expect(Object.keys(session)).not.toContain('accessToken');
    expect(Object.keys(session)).not.toContain('password');
    expect(session.accessToken).toBe(TOKEN);
    expect(session.password).toBe(PASSWORD);
    expect(Object.isFrozen(session)).toBe(true);
  });

  it.each([
    ['absent', {}],
    ['null', {password: null}],
    ['empty', {password: ''}],
    ['blank', {password: '   '}],
  ])('has no password when the answer\'s password is %s', (_, overrides) => {
    const session = toSession(sessionBody(overrides));

    expect(session).not.toBeNull();
    expect(session.password).toBeNull();
  });
});
