import { describe, expect, it } from 'vitest';
import { ActiveTimer } from './active-timer';

describe('ActiveTimer', () => {
  it('counts only while running', () => {
    let t = 1000;
    const timer = new ActiveTimer(() => t);
    expect(timer.elapsed()).toBe(0);
    timer.resume();
    t += 500;
    expect(timer.elapsed()).toBe(500);
    timer.pause();
    t += 10_000; // hidden tab
    timer.resume();
    timer.resume(); // idempotent
    t += 250;
    expect(timer.elapsed()).toBe(750);
  });

  it('stops counting what the server stored, keeps what came after', () => {
    let t = 0;
    const timer = new ActiveTimer(() => t);
    timer.resume();
    t = 1000;
    const sent = timer.elapsed();
    t = 1300; // the save was in flight
    timer.consume(sent);
    expect(timer.elapsed()).toBe(300);
  });
});
