/**
 * Lowers the scheduling priority of the calling thread (a worker thread doing batch work), so the
 * server's main thread, which answers the small requests, gets a core first when both want one. On
 * Linux `setpriority` on a thread id changes that thread alone, and `/proc/thread-self` names it;
 * elsewhere (no such file) nothing changes.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Nice steps below the main thread: weight 1024 against 110 for the kernel's fair scheduler, i.e. a
 * main thread that wakes up while the worker computes runs almost at once instead of sharing the core.
 */
export const WORKER_NICE_STEPS = 10;

/** The calling thread's nice value raised by `steps` (at most 19); what it is now, or null where unsupported. */
export function lowerThisThread(steps = WORKER_NICE_STEPS): number | null {
  let tid: number;
  try {
    tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return null;
  }
  if (!Number.isInteger(tid) || tid <= 0) return null;
  try {
    setPriority(tid, Math.min(19, getPriority(tid) + steps));
    return getPriority(tid);
  } catch {
    return null;
  }
}
