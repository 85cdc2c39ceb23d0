// Child process of the kill test: starts a run and prints each committed progress event as a JSON
// line, so the parent knows what is on disk when it sends SIGKILL.
import { LocalRunService } from '../../../../src-main/services/run-service';

const [cachePath, model, fasta] = process.argv.slice(2);
const svc = new LocalRunService({ cachePath, threads: 1 });
svc.on('progress', (p) => process.stdout.write(`${JSON.stringify(p)}\n`));
void svc.start({ model: { kind: 'path', path: model }, fasta: { kind: 'path', path: fasta }, explanations: [{ id: 'ep', composite: 'epsilon-plus' }] });
