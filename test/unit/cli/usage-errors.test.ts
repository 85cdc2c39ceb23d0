// Usage errors that commander finds (a missing option or argument, an unknown command or option)
// print like every other `plrp` error: one `plrp: …` line on stderr, exit code 2.
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers';

describe('plrp usage errors', () => {
  const cases: [string[], string][] = [
    [['predict', '--model', 'm.onnx', '--fasta', 'x.fa'], "plrp: required option '--out <preds.tsv>' not specified\n"],
    [['explain', '--model', 'm.onnx', '--fasta', 'x.fa'], "plrp: required option '--out <out.json|out.npy>' not specified\n"],
    [['runs', 'show'], "plrp: missing required argument 'id'\n"],
    [['runs', 'list', '--cache'], "plrp: option '--cache <file>' argument missing\n"],
    [['explain', '--model', 'm.onnx', '--fasta', 'x.fa', '--out', 'o.json', '--bogus'], "plrp: unknown option '--bogus'\n"],
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
