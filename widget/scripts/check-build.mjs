// Fails the build when its output breaks the contract with the landing: the page links the fixed URLs
// /meeting/meeting.js and /meeting/meeting.css, and the Webex SDK must stay out of meeting.js so that the
// sandbox panel and the error states load without it.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

const dir = process.argv[2] ?? 'target/classes/static/meeting';
const problems = [];

for (const name of ['meeting.js', 'meeting.css']) {
  if (!existsSync(join(dir, name))) {
    problems.push(`${name} is missing from ${dir}`);
  }
}
if (existsSync(join(dir, 'meeting.js'))) {
  const entry = readFileSync(join(dir, 'meeting.js'), 'utf8');
  // The widget's Webex SDK configuration names the app "webex-widgets-meetings".
  if (entry.includes('webex-widgets-meetings')) {
    problems.push('meeting.js contains the Webex widget: it must be loaded with a dynamic import()');
  }
  if (!/import\(`\.\/assets\/WebexWidget-[\w-]+\.js`\)/.test(entry)) {
    problems.push('meeting.js does not load the widget chunk assets/WebexWidget-*.js on demand');
  }
}

if (problems.length > 0) {
  console.error(`Build output breaks the landing contract:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Build output keeps the landing contract: ${dir}/meeting.js, ${dir}/meeting.css, widget split off.`);
