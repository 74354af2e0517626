/**
 * `npm run bench`: runs every benchmark in turn and prints its figures. Each benchmark is a module
 * in this folder exporting `run(): Promise<void>`; `npm run bench -- import perf` runs only those named.
 * Benchmarks print; they never assert timings (timed unit tests are flaky by nature).
 */
const ALL = [
  'import',
  'after-write',
  'perf',
  'indicators',
  'ttr-set',
  'rotation',
  'events',
  'note',
  'api',
  'dashboard',
  'postgres',
  'demo',
  'startup',
] as const;

const wanted = process.argv.slice(2);
const names = wanted.length ? ALL.filter((n) => wanted.includes(n)) : ALL;
for (const name of names) {
  const started = performance.now();
  console.log(`\n=== bench: ${name} ===`);
  const mod = (await import(`./${name}-bench.ts`)) as { run: () => Promise<void> };
  await mod.run();
  console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s wall)`);
}
