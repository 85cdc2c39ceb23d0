import { explainRatios } from './explain-ratio';
const threads = Number(process.env.T ?? 2);
for (const model of process.argv.slice(2)) {
  const rows = await explainRatios(model, 1024, 256, threads, 6);
  console.log(model.split('/').pop(), `threads ${threads}`, rows.map((r) => `${r.method.replace(' p=0.3', '')} ${r.ratio.toFixed(2)} (${r.explainMs.toFixed(0)} ms)`).join(' | '), `fwd ${rows[0].predictMs.toFixed(1)} ms`);
}
