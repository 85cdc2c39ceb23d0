// A model output as the report names it: by the name its manifest gives ("spi1 (output 2)"), as
// the app's New run target list does, or by its index alone when the model names none.

/** "spi1 (output 2)" with names; "2" without. */
export function outputName(index: number, labels: readonly string[] | null | undefined): string {
  const label = index >= 0 ? labels?.[index] : undefined;
  return label ? `${label} (output ${index})` : String(index);
}
