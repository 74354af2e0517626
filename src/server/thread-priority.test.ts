/**
 * lowerThisThread (thread-priority.ts) in a worker thread lowers that thread alone: the worker's nice
 * value goes up by the steps asked, the process's main thread keeps its own. Linux only (elsewhere
 * there is no /proc/thread-self and the function answers null); under nice 19 without the right to
 * go back to 10, there is nothing to see and the test checks only that it ran in another thread.
 */
import { existsSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';

const onLinux = existsSync('/proc/thread-self');

it.runIf(onLinux)("lowers a worker thread's priority and leaves the main thread's", async () => {
  const mainBefore = getPriority(process.pid);
  const module = JSON.stringify(new URL('./thread-priority.ts', import.meta.url).href);
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { readlinkSync } = require('node:fs');
    const { getPriority } = require('node:os');
    import('tsx/esm/api').then(({ register }) => { register(); return import(${module}); }).then((m) => {
      const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
      // under nice 19 (as the suite often runs) there is no room to lower it: go to 10 first where allowed
      if (getPriority(tid) > 16) try { require('node:os').setPriority(tid, 10); } catch {}
      const before = getPriority(tid);
      const now = m.lowerThisThread(3);
      parentPort.postMessage({ tid, before, now, after: getPriority(tid) });
    });`;
  const worker = new Worker(code, { eval: true });
  const seen = await new Promise<{ tid: number; before: number; now: number; after: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  expect(seen.tid).not.toBe(process.pid);
  // without the room (nice above 16 and no right to lower it) there is nothing to see
  if (seen.before > 16) return;
  expect(seen.now).toBe(Math.min(19, seen.before + 3));
  expect(seen.after).toBe(seen.now);
  expect(getPriority(process.pid)).toBe(mainBefore);
});
