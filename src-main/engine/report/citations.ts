// How to cite the method and the bundled motif database (resources/jaspar/LICENSE.txt), as the
// report prints it. Plain text identifiers (arXiv id, DOI) rather than links: the report makes no
// external references. JASPAR is cited only by reports of runs that scanned it.
import { escapeHtml as esc } from './html-escape';

const PLRP_CITATION = `
<p>Pruned LRP (PLRP) — please cite:</p>
<pre>Yanez Sarmiento P., Witzke S., Klein N., Renard B. Y. (2024).
Sparse Explanations of Neural Networks Using Pruned Layer-Wise Relevance Propagation.
In: Machine Learning and Knowledge Discovery in Databases (ECML PKDD 2024). arXiv:2404.14271.

@inproceedings{yanezsarmiento2024plrp,
  title     = {Sparse Explanations of Neural Networks Using Pruned Layer-Wise Relevance Propagation},
  author    = {Yanez Sarmiento, Paulo and Witzke, Simon and Klein, Nadja and Renard, Bernhard Y.},
  booktitle = {Machine Learning and Knowledge Discovery in Databases (ECML PKDD)},
  year      = {2024},
  eprint    = {2404.14271},
  archivePrefix = {arXiv}
}</pre>
`;

const JASPAR_CITATION = `
<p>Motif hits from the bundled JASPAR 2024 CORE vertebrates (non-redundant) collection, CC BY 4.0 — please cite:</p>
<pre>Rauluseviciute I., Riudavets-Puig R., Blanc-Mathieu R., Castro-Mondragon J. A., Ferenc K., Kumar V.,
Lemma R. B., Lucas J., Chèneby J., Baranasic D., Khan A., Fornes O., Gundersen S., Johansen M., Hovig E.,
Lenhard B., Sandelin A., Wasserman W. W., Parcy F., Mathelier A. (2024). JASPAR 2024: 20th anniversary of
the open-access database of transcription factor binding profiles. Nucleic Acids Research 52(D1).
doi:10.1093/nar/gkad1059</pre>
`;

/** The bundled collection's file name (resources/jaspar): a run that scanned it cites JASPAR 2024. */
const BUNDLED_JASPAR = /JASPAR2024_CORE_vertebrates_non-redundant/;

/**
 * The citations of a run: PLRP always; JASPAR 2024 when the run scanned the bundled collection;
 * for a motif file of the user's own, a reminder to cite its source; nothing more without a scan.
 */
export function citations(motifs: { file?: string | null } | undefined): string {
  if (!motifs) return PLRP_CITATION;
  if (!motifs.file || BUNDLED_JASPAR.test(motifs.file)) return PLRP_CITATION + JASPAR_CITATION;
  return `${PLRP_CITATION}<p>Motif hits from ${esc(motifs.file.split(/[\\/]/).pop())}: please cite that collection's source.</p>`;
}
