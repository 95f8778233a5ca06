// Runs "npm ci" only when node_modules does not match package-lock.json yet. npm ci deletes and reinstalls
// all of node_modules (about a minute here); a build whose lock file has not changed since the last install
// keeps what it has. A fresh checkout, such as CI's, always installs. The stamp is the lock file's SHA-256.
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';

const STAMP = 'node_modules/.guestgate-lock-sha256';
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');

if (existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === lockHash) {
  console.log('node_modules matches package-lock.json: npm ci skipped.');
  process.exit(0);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {stdio: 'inherit', shell: process.platform === 'win32'});
if (result.status !== 0) {
  console.error(result.error ? `Could not run npm: ${result.error.message}` : `npm ci failed with exit code ${result.status}.`);
  process.exit(result.status || 1);
}
writeFileSync(STAMP, `${lockHash}\n`);
