// The exit codes of `plrp`, a contract scripts rely on: 0 ok, 2 bad input or usage, 1 internal
// error, 130 cancelled (as a shell reports a process ended by SIGINT).
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_CANCELLED = 130;
