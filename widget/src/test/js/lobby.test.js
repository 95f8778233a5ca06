import {describe, expect, it} from 'vitest';
import {requestLobbyState, toLobbyState} from '../../main/js/lobby.js';
import {json, lobbyBody, scriptedFetch} from './fixtures.jsx';

const STATUS_URL = '/join/abc/lobby';

describe('requestLobbyState', () => {
  it('asks with a same-origin GET for JSON that no cache may answer', async () => {
    const fetch = scriptedFetch(json(200, lobbyBody('lobby')));

    await requestLobbyState(STATUS_URL, {fetch});

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(STATUS_URL);
    expect(init.method).toBe('GET');
    expect(init.credentials).toBe('same-origin');
    expect(init.cache).toBe('no-store');
    expect(init.headers).toEqual({Accept: 'application/json'});
    expect(init.body).toBeUndefined();
  });

  it.each(['connecting', 'lobby', 'admitted', 'refused'])('returns the state %s', async (state) => {
    const fetch = scriptedFetch(json(200, lobbyBody(state, 'Max Muster')));

    expect(await requestLobbyState(STATUS_URL, {fetch})).toEqual({
      status: 'state',
      lobby: {state, organizer: 'Max Muster'},
    });
  });

  it.each([401, 403, 404, 410])('treats %i as an ended session', async (status) => {
    const fetch = scriptedFetch(json(status, {message: 'gone'}));

    expect(await requestLobbyState(STATUS_URL, {fetch})).toEqual({status: 'ended'});
  });

  it.each([500, 502, 503, 429, 400])('treats %i as a hiccup to ask again about', async (status) => {
    const fetch = scriptedFetch(json(status, {message: 'busy'}));

    expect(await requestLobbyState(STATUS_URL, {fetch})).toEqual({status: 'retry'});
  });

  it('treats a network failure as a hiccup', async () => {
    const fetch = scriptedFetch(new TypeError('Failed to fetch'));

    expect(await requestLobbyState(STATUS_URL, {fetch})).toEqual({status: 'retry'});
  });

  it('treats an answer that is not JSON as a hiccup', async () => {
    const fetch = scriptedFetch(new Response('<html>login</html>', {status: 200, headers: {'Content-Type': 'text/html'}}));

    expect(await requestLobbyState(STATUS_URL, {fetch})).toEqual({status: 'retry'});
  });

  it('lets an abort through, so a page that went away does not update', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const fetch = scriptedFetch(abort);

    await expect(requestLobbyState(STATUS_URL, {fetch})).rejects.toBe(abort);
  });
});

describe('toLobbyState', () => {
  it.each([
    ['an unknown state', {state: 'waiting'}],
    ['no state', {organizer: 'Max'}],
    ['a state in capitals', {state: 'LOBBY'}],
  ])('rejects an answer with %s', (_, body) => {
    expect(toLobbyState(body)).toBeNull();
  });

  it('rejects what is not an object', () => {
    expect(toLobbyState(null)).toBeNull();
    expect(toLobbyState('lobby')).toBeNull();
  });

  it.each([
    ['null', null, null],
    ['absent', undefined, null],
    ['blank', '  ', null],
    ['not text', 42, null],
    ['a name', ' Max Muster ', 'Max Muster'],
  ])('reads an organizer that is %s', (_, organizer, expected) => {
    expect(toLobbyState({state: 'refused', organizer})).toEqual({state: 'refused', organizer: expected});
  });
});
