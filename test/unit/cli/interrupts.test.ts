// Which SIGINT is a second Ctrl-C: `timeout -s INT` and wrappers deliver one interrupt twice within
// milliseconds, and that must cancel like one Ctrl-C (keeping what is stored, with the message)
// instead of quitting at once.
import { describe, expect, it } from 'vitest';
import { REPEAT_WINDOW_MS, interruptClassifier, onInterrupts } from '../../../src-main/cli/interrupts';

describe('SIGINTs of a command', () => {
  it('cancels at the first, ignores a repeat within the window and quits at a later one', () => {
    const classify = interruptClassifier();
    expect(classify(10_000)).toBe('cancel');
    expect(classify(10_002)).toBe('repeat');
    expect(classify(10_000 + REPEAT_WINDOW_MS - 1)).toBe('repeat');
    expect(classify(10_000 + REPEAT_WINDOW_MS)).toBe('force-quit');
  });

  it('calls cancel once for a doubled signal, and forceQuit for a deliberate second Ctrl-C', () => {
    let now = 0;
    const calls: string[] = [];
    const interrupts = onInterrupts({ cancel: () => calls.push('cancel'), forceQuit: () => calls.push('force-quit') }, () => now);
    try {
      expect(interrupts.interrupted()).toBe(false);
      process.emit('SIGINT');
      now = 3;
      process.emit('SIGINT');
      expect(calls).toEqual(['cancel']);
      expect(interrupts.interrupted()).toBe(true);
      now = 2500;
      process.emit('SIGINT');
      expect(calls).toEqual(['cancel', 'force-quit']);
    } finally {
      interrupts.stop();
    }
    process.emit('SIGINT');
    expect(calls).toHaveLength(2);
  });
});
