// Usage errors that commander finds (a missing option or argument, an unknown command or option)
// print like every other `plrp` error: one `plrp …:` line on stderr naming the command they are
// about (`plrp runs export: missing required argument 'id'`), exit code 2; and --help
// states the defaults a user would otherwise have to look up.
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers';

describe('plrp usage errors', () => {
  const cases: [string[], string][] = [
    [['predict', '--model', 'm.onnx', '--fasta', 'x.fa'], "plrp predict: required option '--out <preds.tsv>' not specified\n"],
    [['explain', '--model', 'm.onnx', '--fasta', 'x.fa'], "plrp explain: required option '--out <out.json|out.npy>' not specified\n"],
    [['runs', 'show'], "plrp runs show: missing required argument 'id'\n"],
    [['runs', 'export', '--out', 'dir'], "plrp runs export: missing required argument 'id'\n"],
    [['runs', 'resume'], "plrp runs resume: missing required argument 'id'\n"],
    [['runs', 'list', '--cache'], "plrp runs list: option '--cache <file>' argument missing\n"],
    [['explain', '--model', 'm.onnx', '--fasta', 'x.fa', '--out', 'o.json', '--bogus'], "plrp explain: unknown option '--bogus'\n"],
    [['runs', 'frob'], "plrp runs: unknown command 'frob'\n"],
    [['explian'], "plrp: unknown command 'explian' (Did you mean explain?)\n"],
  ];
  for (const [args, message] of cases) {
    it(`plrp ${args.join(' ')}`, async () => {
      const r = await runCli(args);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', message]);
    });
  }

  it('leaves --help as it was: on stdout, exit 0', async () => {
    const r = await runCli(['predict', '--help']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^Usage: plrp predict \[options\]/);
  });
});

describe('plrp --help', () => {
  /** The help line of `option` in `plrp <command> --help`, whitespace collapsed. */
  async function helpLine(command: string[], option: string): Promise<string> {
    const help = (await runCli([...command, '--help'])).stdout;
    const entry = help.split(/\n(?=\s+-)/).find((l) => l.trim().startsWith(option));
    return (entry ?? '').replace(/\s+/g, ' ').trim();
  }

  it('shows the defaults of --composite and --threads in explain as runs start does', async () => {
    for (const option of ['--composite', '--threads']) {
      expect(await helpLine(['explain'], option)).toBe(await helpLine(['runs', 'start'], option));
    }
    expect(await helpLine(['explain'], '--composite')).toMatch(/\(default epsilon-plus\)$/);
    expect(await helpLine(['explain'], '--threads')).toBe('--threads <N> worker threads (default: cores − 1)');
  });

  it('shows the default of --threads in predict (onnxruntime threads of one session, not workers)', async () => {
    expect(await helpLine(['predict'], '--threads')).toBe('--threads <N> onnxruntime threads (default 2)');
  });
});
