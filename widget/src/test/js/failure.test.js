import {describe, expect, it} from 'vitest';
import {describeFailure} from '../../main/js/failure.js';

describe('describeFailure', () => {
  it('cuts the token out of every place it appears', () => {
    const error = new Error('401 Unauthorized for Bearer s3cret-token (s3cret-token)\nPOST https://example/wdm');

    expect(describeFailure(error, 's3cret-token')).toBe('Error: 401 Unauthorized for Bearer [redacted] ([redacted])');
  });

  it('describes reasons that are not errors', () => {
    expect(describeFailure('offline', 'x-token')).toBe('string: offline');
    expect(describeFailure(undefined, 'x-token')).toBe('undefined: ');
  });
});
