import {chooseLanguage} from './i18n.js';

/**
 * Reads what the landing wrote on the mount element: data-session-url, data-status-url, data-csrf-header,
 * data-csrf-token and data-lang, and, in the sandbox only, data-sandbox-join-url.
 *
 * It also looks at the page around the element so the app fits any shell without breaking the page's
 * outline: it brings its own main landmark and h1 only when the page has none.
 */
export function readMountConfig(element, {document: doc = element.ownerDocument, navigator: nav = globalThis.navigator} = {}) {
  const data = element.dataset;
  const browserLanguages = nav?.languages?.length ? nav.languages : [nav?.language];
  return Object.freeze({
    sessionUrl: data.sessionUrl?.trim() || null,
    statusUrl: data.statusUrl?.trim() || null,
    sandboxJoinUrl: data.sandboxJoinUrl?.trim() || null,
    csrfHeader: data.csrfHeader?.trim() || null,
    csrfToken: data.csrfToken || null,
    language: chooseLanguage(data.lang, browserLanguages),
    landmark: element.closest('main') ? 'section' : 'main',
    headingLevel: doc.querySelector('h1') ? 2 : 1,
  });
}
