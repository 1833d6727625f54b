import { describe, expect, it } from 'vitest';
import { confirmationFrom } from '@/lib/client/acl';
import { ApiError } from '@/lib/client/api-client';

const asked = (details: Record<string, unknown>) => confirmationFrom(new ApiError('CONFIRMATION_REQUIRED', 'Confirm', 409, '/app', details));

describe('confirmationFrom', () => {
  const english = ['You would lose ADMIN on /app'];
  const coded = [{ code: 'losesAdmin', params: { path: '/app', below: 'no' }, message: english[0] }];

  it('takes the coded lines when there is one for each English line', () => {
    expect(asked({ confirm: '/app', consequence: english, consequences: coded })).toEqual({ confirm: '/app', consequence: coded });
  });

  it('keeps the English lines when the coded ones are missing, fewer, or malformed', () => {
    const plain = { confirm: '/app', consequence: [{ message: english[0] }] };
    expect(asked({ confirm: '/app', consequence: english })).toEqual(plain);
    expect(asked({ confirm: '/app', consequence: english, consequences: [] })).toEqual(plain);
    expect(asked({ confirm: '/app', consequence: english, consequences: [{ code: 'losesAdmin' }] })).toEqual(plain);
  });

  it('is no confirmation without the text to type or the reasons', () => {
    expect(asked({ consequence: english })).toBeUndefined();
    expect(asked({ confirm: '/app' })).toBeUndefined();
  });
});
