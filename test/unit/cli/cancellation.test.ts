// Ctrl-C and the exit code scripts rely on: 130 only when the command was stopped. A Ctrl-C after
// the work could no longer be stopped leaves a complete output and must not report "cancelled".
import { describe, expect, it } from 'vitest';
import { withCancellation } from '../../../src-main/cli/cancellation';
import { AppError } from '../../../src-main/shared/errors';

describe('Ctrl-C on a command', () => {
  it('cancels work that stops on the signal, with the message the command gives', async () => {
    const work = withCancellation(async (signal) => {
      process.emit('SIGINT');
      signal.throwIfAborted();
      return 'never';
    }, 'cancelled; nothing was written');
    await expect(work).rejects.toEqual(new AppError('CANCELLED', 'cancelled; nothing was written'));
  });

  it('returns the result of work that finished although Ctrl-C came at its very end', async () => {
    const written: string[] = [];
    const err = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (written.push(chunk), true)) as typeof process.stderr.write;
    try {
      const result = await withCancellation(async () => {
        process.emit('SIGINT');
        return 'complete';
      });
      expect(result).toBe('complete');
    } finally {
      process.stderr.write = err;
    }
    expect(written.join('')).toContain('its output is complete');
  });

  it('passes other errors through unchanged', async () => {
    await expect(withCancellation(async () => { throw new AppError('BAD_FASTA', 'x.fa, line 3: bad letter'); })).rejects.toThrow('x.fa, line 3');
  });
});
