import {describe, expect, it} from 'vitest';
import {describeFailure} from '../../main/js/failure.js';

describe('describeFailure', () => {
  it('cuts the token out of every place it appears', () => {
    const error = new Error('401 Unauthorized for Bearer s3cret-token (s3cret-token)');

    expect(describeFailure(error, 's3cret-token')).toBe('Error: 401 Unauthorized for Bearer [redacted] ([redacted])');
  });

  it('keeps the request and tracking id of an SDK HTTP error on one line', () => {
    // Shaped like the Webex SDK's error when Webex cannot be reached (seen in Chromium with no network).
    const error = Object.assign(new Error(
      'undefined\nGET https://u2c.wbx2.com/u2c/api/v1/limited/catalog\nWEBEX_TRACKING_ID: webex-js-sdk_1\n',
    ), {name: 'WebexHttpError', statusCode: 0});

    expect(describeFailure(error, 'tok')).toBe('WebexHttpError (status 0): undefined | '
      + 'GET https://u2c.wbx2.com/u2c/api/v1/limited/catalog | WEBEX_TRACKING_ID: webex-js-sdk_1');
  });

  it('describes reasons that are not errors', () => {
    expect(describeFailure('offline', 'x-token')).toBe('string: offline');
    expect(describeFailure(undefined, 'x-token')).toBe('undefined: ');
  });

  it('cuts very long messages', () => {
    const line = describeFailure(new Error('x'.repeat(2000)), 'tok');

    expect(line).toHaveLength(501);
    expect(line.endsWith('…')).toBe(true);
  });
});
