import {describe, expect, it} from 'vitest';
import {chooseLanguage, lobbyText, messagesFor} from '../../main/js/i18n.js';

describe('chooseLanguage', () => {
  it.each([
    ['de', ['en-US'], 'de'],
    ['en', ['de-AT'], 'en'],
    ['DE', [], 'de'],
    [undefined, ['de-AT', 'en'], 'de'],
    ['', ['fr-FR', 'de-CH'], 'de'],
    ['fr', ['it-IT'], 'en'],
    [null, [], 'en'],
    [undefined, [undefined], 'en'],
  ])('data-lang %j with browser %j speaks %s', (requested, browser, expected) => {
    expect(chooseLanguage(requested, browser)).toBe(expected);
  });
});

describe('messages', () => {
  it('has every text in both languages', () => {
    const german = messagesFor('de');
    const english = messagesFor('en');

    expect(Object.keys(german).sort()).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english)) {
      expect(german[key], key).toMatch(/\S/);
      expect(english[key], key).toMatch(/\S/);
    }
    expect(german.retry).not.toBe(english.retry);
  });
});

describe('lobbyText', () => {
  it('puts the organizer\'s name in as it is, even when it looks like a replacement pattern', () => {
    expect(lobbyText(messagesFor('en'), {state: 'refused', organizer: '$& Co'}))
      .toBe('You cannot be let in with this invitation. Please ask the organizer, $& Co.');
  });

  it('says connecting for a state it does not know', () => {
    expect(lobbyText(messagesFor('de'), {state: 'unknown', organizer: null})).toBe(messagesFor('de').lobbyConnecting);
  });
});
