// A stand-in for the landing, to look at the built meeting page without the Java side:
//   npm run build && npm run preview   then open http://127.0.0.1:5178/join/demo/meeting?mode=sandbox
// mode: live | sandbox | expired | unavailable | refused; lang: de | en (left out: the browser decides).
// It serves the page shell the landing renders, a fake POST /join/demo/session, a fake lobby status
// GET /join/demo/lobby, a fake POST /sandbox/meeting/join and the build output.
//
// The fake door: the status says "connecting" until the guest joins (the sandbox panel's POST, or in live mode
// simply 3 seconds after the session), "lobby" for 4 seconds after that, then "admitted" ("refused" in mode
// refused). Each new session starts over.
import {createReadStream, existsSync, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {extname, join, normalize} from 'node:path';

const root = 'target/classes/static/meeting';
const port = Number(process.env.PORT ?? 5178);
const CSRF = 'preview-csrf';
const TYPES = {'.js': 'text/javascript', '.css': 'text/css', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.gif': 'image/gif', '.svg': 'image/svg+xml'};

function shell(mode, lang) {
  const langAttribute = lang ? ` data-lang="${lang}"` : '';
  const joinAttribute = mode === 'sandbox' || mode === 'refused' ? ' data-sandbox-join-url="/sandbox/meeting/join"' : '';
  return `<!doctype html>
<html lang="${lang || 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>GuestGate</title><link rel="stylesheet" href="/meeting/meeting.css"></head>
<body>
<div id="gg-meeting" data-session-url="/join/demo/session?mode=${mode}" data-status-url="/join/demo/lobby?mode=${mode}"
     data-csrf-header="X-XSRF-TOKEN" data-csrf-token="${CSRF}"${langAttribute}${joinAttribute}></div>
<script type="module" src="/meeting/meeting.js"></script>
</body></html>`;
}

function session(mode) {
  const expiresAt = new Date(Date.now() + (mode === 'expired' ? -60_000 : 5 * 60_000)).toISOString();
  return {
    // Shaped like a Webex token (the SDK checks the form: a secret, the cluster, the org id), valid nowhere.
    accessToken: 'cHJldmlldy1vbmx5LW5vdC1hLXJlYWwtdG9rZW4_PF84_00000000-0000-4000-8000-000000000000',
    destination: '123456789@example.webex.com',
    displayName: 'Anna Müller',
    expiresAt,
    sandbox: mode === 'sandbox' || mode === 'refused',
    password: null,
  };
}

// One guest at a time is enough for a preview.
const door = {sessionAt: 0, joinedAt: null};

function lobbyState(mode) {
  const joinedAt = door.joinedAt ?? (mode === 'live' ? door.sessionAt + 3_000 : null);
  if (joinedAt === null || Date.now() < joinedAt) {
    return {state: 'connecting', organizer: 'Max Muster'};
  }
  if (Date.now() < joinedAt + 4_000) {
    return {state: 'lobby', organizer: 'Max Muster'};
  }
  return {state: mode === 'refused' ? 'refused' : 'admitted', organizer: 'Max Muster'};
}

createServer((request, response) => {
  const url = new URL(request.url, 'http://preview');
  response.on('finish', () => console.log(`${request.method} ${url.pathname} ${response.statusCode}`));
  const mode = url.searchParams.get('mode') ?? 'sandbox';
  if (request.method === 'GET' && url.pathname === '/join/demo/meeting') {
    response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
    return response.end(shell(mode, url.searchParams.get('lang')));
  }
  if (request.method === 'POST' && url.pathname === '/join/demo/session') {
    const status = request.headers['x-xsrf-token'] !== CSRF ? 403 : mode === 'unavailable' ? 503 : 200;
    if (status === 200) {
      Object.assign(door, {sessionAt: Date.now(), joinedAt: null});
    }
    response.writeHead(status, {'Content-Type': 'application/json', 'Cache-Control': 'no-store'});
    return response.end(JSON.stringify(status === 200 ? session(mode) : {message: 'no session'}));
  }
  if (request.method === 'GET' && url.pathname === '/join/demo/lobby') {
    response.writeHead(200, {'Content-Type': 'application/json', 'Cache-Control': 'no-store'});
    return response.end(JSON.stringify(lobbyState(mode)));
  }
  if (request.method === 'POST' && url.pathname === '/sandbox/meeting/join') {
    const status = request.headers['x-xsrf-token'] !== CSRF ? 403 : 204;
    if (status === 204) {
      door.joinedAt = Date.now();
    }
    request.resume();
    response.writeHead(status, {'Cache-Control': 'no-store'});
    return response.end();
  }
  if (request.method === 'GET' && url.pathname.startsWith('/meeting/')) {
    const file = normalize(join(root, url.pathname.slice('/meeting/'.length)));
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
      response.writeHead(200, {'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream'});
      return createReadStream(file).pipe(response);
    }
  }
  response.writeHead(404, {'Content-Type': 'text/plain'});
  response.end('not found');
}).listen(port, '127.0.0.1', () => {
  console.log(`Meeting page preview: http://127.0.0.1:${port}/join/demo/meeting?mode=sandbox (live, expired, unavailable, refused)`);
});
