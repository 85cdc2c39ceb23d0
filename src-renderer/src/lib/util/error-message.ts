/** What to show for a caught value: an Error's message (the host's errors name what and where), else its text. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
