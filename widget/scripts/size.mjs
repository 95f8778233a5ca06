// Prints the size of every file the build emitted, raw and gzip-compressed (level 9, as a server would send
// it), as a Markdown table for docs/widget.md. Run after a build: npm run build && npm run size
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {gzipSync} from 'node:zlib';

const dir = process.argv[2] ?? 'target/classes/static/meeting';

function files(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// What the browser loads, and when: the entry on every visit, the widget only for a live meeting, and the
// widget's fonts and images only when its stylesheet asks for them.
function group(name) {
  if (name === 'meeting.js' || name === 'meeting.css') return 'page (always)';
  if (/\.(js|css)$/.test(name)) return 'widget (live meeting only)';
  return 'widget fonts and images (on demand)';
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
let rows;
try {
  rows = files(dir).map((path) => {
    const content = readFileSync(path);
    const name = relative(dir, path);
    return {name, group: group(name), raw: content.length, gzip: gzipSync(content, {level: 9}).length};
  });
} catch (error) {
  console.error(`No build output in ${dir}: run "npm run build" first (${error.code ?? error.message}).`);
  process.exit(1);
}

const order = ['page (always)', 'widget (live meeting only)', 'widget fonts and images (on demand)'];
rows.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group) || b.raw - a.raw);

console.log('| file | loaded | raw | gzip |');
console.log('|---|---|---:|---:|');
for (const row of rows) {
  console.log(`| \`${row.name}\` | ${row.group} | ${kb(row.raw)} | ${kb(row.gzip)} |`);
}
for (const name of order) {
  const part = rows.filter((row) => row.group === name);
  const raw = part.reduce((sum, row) => sum + row.raw, 0);
  const gzip = part.reduce((sum, row) => sum + row.gzip, 0);
  console.log(`| **${name}: ${part.length} files** | | **${kb(raw)}** | **${kb(gzip)}** |`);
}
const raw = rows.reduce((sum, row) => sum + row.raw, 0);
const gzip = rows.reduce((sum, row) => sum + row.gzip, 0);
console.log(`| **total: ${rows.length} files** | | **${kb(raw)}** | **${kb(gzip)}** |`);
