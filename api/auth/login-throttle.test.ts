import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle';

describe('login throttle', () => {
  it('refuses a key after five failures within the window, and lets it try again after', () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(5, 60_000, () => now);
    for (let i = 0; i < 4; i++) throttle.fail('petugas|1.2.3.4');
    expect(throttle.retryAfterMs('petugas|1.2.3.4')).toBe(0);
    throttle.fail('petugas|1.2.3.4');
    expect(throttle.retryAfterMs('petugas|1.2.3.4')).toBe(60_000);
    expect(throttle.retryAfterMs('petugas|5.6.7.8')).toBe(0);
    now += 60_001;
    expect(throttle.retryAfterMs('petugas|1.2.3.4')).toBe(0);
  });

  it('forgets failures after a success', () => {
    const throttle = new LoginThrottle(2, 60_000);
    throttle.fail('a');
    throttle.succeed('a');
    throttle.fail('a');
    expect(throttle.retryAfterMs('a')).toBe(0);
  });
});
