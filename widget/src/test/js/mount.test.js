import {describe, expect, it} from 'vitest';
import {readMountConfig} from '../../main/js/mount.js';

function mountElement(html) {
  document.body.innerHTML = html;
  return document.getElementById('gg-meeting');
}

describe('readMountConfig', () => {
  it('reads what the landing wrote on the element', () => {
    const element = mountElement(`<div id="gg-meeting" data-session-url="/join/t0k/session"
      data-status-url="/join/t0k/lobby" data-sandbox-join-url="/sandbox/meeting/join"
      data-csrf-header="X-XSRF-TOKEN" data-csrf-token="c5rf" data-lang="de"></div>`);

    expect(readMountConfig(element, {navigator: {languages: ['en-US']}})).toEqual({
      sessionUrl: '/join/t0k/session',
      statusUrl: '/join/t0k/lobby',
      sandboxJoinUrl: '/sandbox/meeting/join',
      csrfHeader: 'X-XSRF-TOKEN',
      csrfToken: 'c5rf',
      language: 'de',
      landmark: 'main',
      headingLevel: 1,
    });
  });

  it('falls back to the browser language without data-lang', () => {
    const element = mountElement('<div id="gg-meeting" data-session-url="/s"></div>');

    expect(readMountConfig(element, {navigator: {languages: ['de-AT', 'en']}}).language).toBe('de');
    expect(readMountConfig(element, {navigator: {languages: [], language: 'de-DE'}}).language).toBe('de');
    expect(readMountConfig(element, {navigator: {languages: ['fr-FR']}}).language).toBe('en');
  });

  it('fits into a page that has its own main landmark and h1', () => {
    const element = mountElement('<main><h1>Q3 review</h1><div id="gg-meeting" data-session-url="/s"></div></main>');

    const config = readMountConfig(element, {navigator: {languages: ['en']}});

    expect(config.landmark).toBe('section');
    expect(config.headingLevel).toBe(2);
  });

  it('leaves the session URL empty when the element has none', () => {
    const element = mountElement('<div id="gg-meeting" data-session-url="  "></div>');

    expect(readMountConfig(element, {navigator: {languages: ['en']}}).sessionUrl).toBeNull();
  });

  it('leaves the status and sandbox join URLs empty when the element has none', () => {
    const element = mountElement('<div id="gg-meeting" data-session-url="/s" data-status-url=" "></div>');

    const config = readMountConfig(element, {navigator: {languages: ['en']}});

    expect(config.statusUrl).toBeNull();
    expect(config.sandboxJoinUrl).toBeNull();
  });
});
