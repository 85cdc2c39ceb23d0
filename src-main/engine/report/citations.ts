// How to cite the method and the bundled motif database (resources/jaspar/LICENSE.txt), as the
// report prints it. Plain text identifiers (arXiv id, DOI) rather than links: the report makes no
// external references.
export const CITATIONS = `
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
<p>Motif hits from the bundled JASPAR 2024 CORE vertebrates (non-redundant) collection, CC BY 4.0 — please cite:</p>
<pre>Rauluseviciute I., Riudavets-Puig R., Blanc-Mathieu R., Castro-Mondragon J. A., Ferenc K., Kumar V.,
Lemma R. B., Lucas J., Chèneby J., Baranasic D., Khan A., Fornes O., Gundersen S., Johansen M., Hovig E.,
Lenhard B., Sandelin A., Wasserman W. W., Parcy F., Mathelier A. (2024). JASPAR 2024: 20th anniversary of
the open-access database of transcription factor binding profiles. Nucleic Acids Research 52(D1).
doi:10.1093/nar/gkad1059</pre>
`;
