// Maps a `runs` table row to a StoredRun (JSON columns parsed).
import type { ErrorPayload } from '../../shared/errors';
import type { RunStatus } from '../../shared/run-api';
import type { StoredRequest, StoredRun } from './cache-types';

export interface RunRecord {
  id: string;
  label: string | null;
  status: RunStatus;
  model_sha: string;
  input_sha: string;
  model_name: string;
  fasta_name: string;
  request_json: string;
  target: string;
  engine_version: string;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  compute_ms: number;
  error_json: string | null;
  notices_json: string;
  owner_pid: number | null;
  owner_seen_at: number | null;
}

export function parseRun(r: RunRecord): StoredRun {
  return {
    id: r.id,
    label: r.label,
    status: r.status,
    modelSha: r.model_sha,
    inputSha: r.input_sha,
    modelName: r.model_name,
    fastaName: r.fasta_name,
    request: JSON.parse(r.request_json) as StoredRequest,
    target: JSON.parse(r.target) as number | 'predicted',
    engineVersion: r.engine_version,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    computeMs: r.compute_ms,
    error: r.error_json ? (JSON.parse(r.error_json) as ErrorPayload) : null,
    notices: JSON.parse(r.notices_json) as string[],
    ownerPid: r.owner_pid,
    ownerSeenAt: r.owner_seen_at,
  };
}
