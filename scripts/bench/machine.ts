// The machine a benchmark ran on, recorded next to every number: timings mean nothing without the
// CPU, core count, runtime versions and how busy the machine was (load average) while it ran.
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { availableParallelism } from 'node:os';
import { nativeKernelsStatus } from '../../src-main/engine/runtime/native-kernels';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  onnxruntime: string;
  platform: string;
  /** Whether PLRP ran on the native kernels (native/ort-kernels) or as ONNX nodes, and why. */
  plrpKernels: string;
  /** 1-minute load averages at start and end: a loaded machine inflates wall times. */
  loadAverageStart: number;
  loadAverageEnd?: number;
}

function onnxruntimeVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require('onnxruntime-node/package.json') as { version: string };
  return pkg.version;
}

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    onnxruntime: onnxruntimeVersion(),
    platform: `${process.platform}-${process.arch}`,
    plrpKernels: nativeKernelsStatus().detail,
    loadAverageStart: Number(loadavg()[0].toFixed(2)),
  };
}

export function currentLoad(): number {
  return Number(loadavg()[0].toFixed(2));
}
