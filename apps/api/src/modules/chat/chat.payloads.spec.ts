import { CLIENT_ID, EMOJI } from './chat.payloads.js';

describe('chat payload patterns', () => {
  it.each(['👍', '👍🏽', '🇮🇹', '👩‍🔧', '❤️', ':thumbsup:', ':+1:'])('accepts the reaction %s', (emoji) => {
    expect(EMOJI.test(emoji)).toBe(true);
  });

  it.each(['', 'a', '123', '#', 'not an emoji', '👍 👍', ':Upper:', '👍'.repeat(17)])('refuses the reaction %j', (emoji) => {
    expect(EMOJI.test(emoji)).toBe(false);
  });

  it('takes client ids of URL-safe characters up to 64', () => {
    expect(CLIENT_ID.test('3f1c9a2e-7d4b-4c51-9a7e-2b8f0d6c1e3a')).toBe(true);
    expect(CLIENT_ID.test('x'.repeat(65))).toBe(false);
    expect(CLIENT_ID.test('has space')).toBe(false);
    expect(CLIENT_ID.test('')).toBe(false);
  });
});
