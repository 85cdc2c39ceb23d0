// Writes motifs in MEME minimal format, the lingua franca of MEME Suite (FIMO, Tomtom, SEA), so a
// user can check our hits with `fimo --text` on exactly the matrices we scanned.
import type { Motif } from './motif';

export function formatMeme(motifs: Motif[], background: number[] = [0.25, 0.25, 0.25, 0.25]): string {
  const out: string[] = [
    'MEME version 4',
    '',
    'ALPHABET= ACGT',
    '',
    'strands: + -',
    '',
    'Background letter frequencies',
    `A ${background[0].toFixed(6)} C ${background[1].toFixed(6)} G ${background[2].toFixed(6)} T ${background[3].toFixed(6)}`,
    '',
  ];
  for (const m of motifs) {
    out.push(`MOTIF ${m.id}${m.altId ? ` ${m.altId.replace(/\s+/g, '_')}` : ''}`);
    out.push(`letter-probability matrix: alength= 4 w= ${m.probs.length} nsites= ${m.nsites ?? 20} E= 0`);
    for (const row of m.probs) out.push(row.map((p) => ` ${p.toFixed(6)}`).join('\t'));
    out.push('');
  }
  return out.join('\n');
}
