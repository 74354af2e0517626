/**
 * The parabolic SAR's WebAssembly kernel (sar-kernel.wat, compiled into sar-kernel-bytes.ts by
 * `npm run wasm`), instantiated synchronously on first use: no I/O, so analytics/ stays pure. Null
 * where WebAssembly (or its SIMD) is missing; sar.ts then keeps to its TypeScript loop.
 */
import { SAR_KERNEL_HEX } from './sar-kernel-bytes.js';

export interface SarKernel {
  /** The kernel's memory: 64 KiB pages, grown by the caller. */
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  /** The starting gap's sums into bytes 0 and 8; 1 when every row from `beg` is clean, else 0. */
  sums(high: number, low: number, beg: number, rows: number): number;
  /** The fast loop from out[beg]; `high`, `low`, `out` and `factors` are byte offsets. */
  run(high: number, low: number, out: number, factors: number, beg: number, rows: number, step: number): void;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

let kernel: SarKernel | null | undefined;

/** The kernel, instantiated on the first call; null when this runtime cannot run it. */
export function sarKernel(): SarKernel | null {
  if (kernel !== undefined) return kernel;
  kernel = null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (api === undefined) return kernel;
  const bytes = new Uint8Array(SAR_KERNEL_HEX.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(SAR_KERNEL_HEX.slice(2 * i, 2 * i + 2), 16);
  try {
    kernel = new api.Instance(new api.Module(bytes)).exports as SarKernel;
  } catch {
    // a runtime without SIMD refuses the module: the TypeScript loop then does the work
  }
  return kernel;
}
