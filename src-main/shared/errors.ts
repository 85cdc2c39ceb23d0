// Expected errors: everything a user can cause (bad file, unsupported model, cancelled run) is an
// AppError with a stable code and a message that names the file and place. Anything else is a bug.

export type ErrorCode =
  | 'USAGE'
  | 'FILE_NOT_FOUND'
  | 'BAD_FASTA'
  | 'BAD_BED'
  | 'BAD_MOTIFS'
  | 'BAD_CONFIG'
  | 'BAD_MODEL'
  | 'UNSUPPORTED_OP'
  | 'NOT_DNA_MODEL'
  | 'BAD_INPUT_SHAPE'
  | 'BAD_TARGET'
  | 'RESOURCE_LIMIT'
  | 'CORRUPT_CACHE'
  | 'RUN_BUSY'
  | 'CANCELLED'
  | 'WORKER_DIED'
  | 'IO_ERROR'
  | 'INTERNAL';

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The wire form of an error (IPC, HTTP, worker messages): never a stack trace. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

/** What to show for a caught value: an Error's message (ours name what and where), else its text. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function toErrorPayload(e: unknown): ErrorPayload {
  if (isAppError(e)) return { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: errorMessage(e) };
}

export function fromErrorPayload(p: ErrorPayload): AppError {
  return new AppError(p.code, p.message);
}
