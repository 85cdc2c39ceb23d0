// Child process for the SIGKILL trials: opens the run cache at argv[2], starts the run (first time)
// or resumes the one it finds, and prints one line per finished batch and `settled <status>` at the
// end — the parent kills it at random points in between.
import { LocalRunService } from '../../../src-main/services/run-service';

const [cachePath, modelPath, fastaPath, motifsPath] = process.argv.slice(2);
// Batches of 32: a run spans many batches, so kills land between stored batches.
const service = new LocalRunService({ cachePath, threads: 1, intraOpThreads: 1, recoverInterrupted: true, batchSequences: 32 });
service.on('progress', (p) => process.stdout.write(`progress ${p.done}\n`));
const existing = await service.list();
const summary = existing.length === 0
  ? await service.start({
    model: { kind: 'path', path: modelPath }, fasta: { kind: 'path', path: fastaPath }, motifs: { kind: 'path', path: motifsPath },
    explanations: [{ id: 'lrp' }, { id: 'plrp', method: 'plrp-m', p: 0.3 }],
  })
  : await service.resume(existing[0].id);
process.stdout.write(`run ${summary.id}\n`);
const settled = await service.whenSettled(summary.id);
process.stdout.write(`settled ${settled.status}\n`);
await service.close();
