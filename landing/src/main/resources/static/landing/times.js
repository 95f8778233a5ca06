// Times on the guest pages. A meeting's time in the browser's own zone, beside the meeting's own; and on the early
// page a countdown to the link's opening, after which the link page opens. Without script the pages show the
// meeting's zone only, and the early page refreshes itself by a meta refresh instead.
(() => {
  'use strict';

  // After this long the early page asks the server again, so a moved meeting is noticed.
  const RECHECK_MS = 60 * 60 * 1000;
  const lang = document.documentElement.lang || undefined;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const fill = (template, ...values) => values.reduce((text, value, i) => text.replace(`{${i}}`, value), template);

  for (const time of document.querySelectorAll('time[data-zone]')) {
    const local = document.getElementById(`${time.id}-local`);
    if (!local || !zone || zone === time.dataset.zone) {
      continue;
    }
    // Written as the server writes the meeting's own time: the date in full, a 24-hour clock.
    const locale = lang === 'en' ? 'en-GB' : lang;
    const format = new Intl.DateTimeFormat(locale, {dateStyle: 'full', timeStyle: 'short', hourCycle: 'h23',
      timeZone: zone});
    const start = new Date(time.dateTime);
    const text = time.dataset.end ? format.formatRange(start, new Date(time.dataset.end)) : format.format(start);
    local.textContent = fill(local.dataset.label, text, zone);
    local.hidden = false;
  }

  const countdown = document.getElementById('countdown');
  if (!countdown) {
    return;
  }
  // Counted from the server's answer, not from this device's clock, which may be off.
  const loaded = Date.now();
  const opensAt = loaded + Number(countdown.dataset.opensIn) * 1000;
  const days = new Intl.NumberFormat(lang, {style: 'unit', unit: 'day', unitDisplay: 'long'});
  const two = (n) => String(n).padStart(2, '0');
  const left = (ms) => {
    const s = Math.ceil(ms / 1000);
    const d = Math.floor(s / 86400);
    const clock = `${Math.floor((s % 86400) / 3600)}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
    return d > 0 ? `${days.format(d)} ${clock}` : clock;
  };
  let timer;
  const tick = () => {
    const now = Date.now();
    if (now >= opensAt || now - loaded >= RECHECK_MS) {
      clearInterval(timer);
      window.location.assign(countdown.dataset.openUrl);
      return;
    }
    countdown.textContent = fill(countdown.dataset.label, left(opensAt - now));
  };
  tick();
  countdown.hidden = false;
  timer = setInterval(tick, 1000);
})();
