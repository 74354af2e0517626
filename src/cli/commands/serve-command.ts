/**
 * `marketdash serve [--port 8080] [--host 127.0.0.1] [--demo] [--schedule] [--token T]`: one process
 * serving the JSON API and the web dashboard on the store. `--demo` fills an empty store with the
 * seeded demo market first; `--schedule` runs the update after each NYSE close and delivers alerts.
 * Prints the URL and keeps running until SIGINT/SIGTERM.
 */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../config/universe-config.js';
import { UsageError } from '../../domain/errors.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import type { DailySchedule } from '../../server/daily-schedule.js';
import { DEMO_DATA_LABEL, holdsDemoBars } from '../../services/demo-label.js';
import { openStore, resolveStoreTarget, shareStoreInProcess } from '../../services/open-store.js';
import { globalOptions } from '../global-options.js';

interface ServeOptions {
  port: string;
  host: string;
  demo?: boolean;
  schedule?: boolean;
  token?: string;
  config?: string;
  allowedHost?: string[];
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the web dashboard and the JSON API (OpenAPI at /api/openapi.json)')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on; beyond loopback, changes need --token', '127.0.0.1')
    .option('--demo', `fill an empty store with the seeded ${DEMO_DATA_LABEL} market first`)
    .option('--schedule', 'update after each NYSE close (17:30 New York) and deliver the configured alerts')
    .option('--token <token>', 'bearer token for endpoints that change state (default: $MARKETDASH_TOKEN)')
    .option(
      '--allowed-host <name...>',
      'host names the server answers to besides its address (a reverse proxy name); others get 421',
    )
    .option(
      '--config <file>',
      'universe config (default: $MARKETDASH_CONFIG, ./marketdash.config.json or the shipped default)',
    )
    .action(async (opts: ServeOptions, cmd: Command) => {
      // The server and its dependencies load only when serving: every other command starts faster.
      const [
        { AlertCenter },
        { parseAlertRules },
        { buildApp },
        { EventFeed },
        { isLoopbackHost },
        { startSchedule },
        { loadDemoMarket },
        { ResponseCache },
        { startCommandBridge },
      ] = await Promise.all([
        import('../../server/alert-center.js'),
        import('../../server/alert-rules.js'),
        import('../../server/build-app.js'),
        import('../../server/event-feed.js'),
        import('../../server/request-auth.js'),
        import('../../server/schedule-wiring.js'),
        import('../../services/demo/load-demo-market.js'),
        import('../../server/response-cache.js'),
        import('../shared-store/command-bridge.js'),
      ]);
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port: '${opts.port}' is not a port number (0-65535)`, { parameter: '--port' });
      const token = opts.token ?? (process.env.MARKETDASH_TOKEN || undefined);
      if (token !== undefined && token.length < 16)
        throw new UsageError('--token: use at least 16 characters', { parameter: '--token' });
      const g = globalOptions(cmd);
      const config = loadConfig(opts.config);
      const rules = parseAlertRules(config.alerts);
      // waits (like every command) while a CLI command holds the file; never forwards itself
      const store = await openStore({ ...g, stopWaiting: undefined });
      const target = resolveStoreTarget(g);
      const sharedFile = target.backend === 'duckdb' && target.path !== ':memory:' ? target.path : null;
      let schedule: DailySchedule | null = null;
      let bridge: { close(): Promise<void> } | null = null;
      let unshare: (() => void) | null = null;
      try {
        if (opts.demo && (await store.listSymbols()).length === 0) {
          process.stdout.write(`building the ${DEMO_DATA_LABEL} market into ${store.location} ...\n`);
          const r = await loadDemoMarket(store, { config });
          process.stdout.write(
            `${r.symbols} symbols, ${r.rows} bars to ${formatIsoDate(r.lastDate)} in ${(r.millis / 1000).toFixed(1)} s\n`,
          );
        }
        const feed = new EventFeed();
        const ledgerPath =
          target.backend === 'duckdb' && target.path !== ':memory:'
            ? `${resolve(target.path)}.alerts.json`
            : join(resolve('.'), 'marketdash-alerts.json');
        const alerts = new AlertCenter({ rules, feed, ledgerPath, secret: process.env.MARKETDASH_WEBHOOK_SECRET });
        schedule = opts.schedule ? startSchedule({ store, config, feed, alerts }) : null;
        const running = schedule;
        const cache = new ResponseCache(store);
        const app = await buildApp({
          cache,
          store,
          config,
          token,
          host: opts.host,
          allowedHosts: opts.allowedHost ?? [],
          logger: { level: 'warn' },
          feed,
          alerts,
          update: running ? () => running.updateAndAlert() : null,
          startPerfWorker: true,
        });
        const address = await listen(app, port, opts.host);
        const shown = dashboardUrl(address, isLoopbackHost(opts.host) && opts.host !== '::1');
        if (sharedFile !== null) {
          // CLI commands on this file now run in this process (src/cli/shared-store/)
          const { runCli } = await import('../run-cli.js');
          unshare = shareStoreInProcess(sharedFile, store);
          bridge = await startCommandBridge({
            storePath: sharedFile,
            url: shown,
            run: runCli,
            afterCommand: () => cache.invalidate(),
          });
        }
        const demo = (await holdsDemoBars(store)) ? ` (${DEMO_DATA_LABEL})` : '';
        process.stdout.write(
          `MarketDash dashboard: ${shown}${demo}\nAPI: ${shown}api/openapi.json   store: ${store.location}\n`,
        );
        if (running)
          process.stdout.write(
            `schedule: update at 17:30 America/New_York on NYSE trading days; next ${running.nextRun()?.toISOString() ?? 'n/a'}\n`,
          );
        if (!isLoopbackHost(opts.host) && token === undefined) {
          process.stdout.write(
            'note: listening beyond loopback without a token: endpoints that change state are refused\n',
          );
        }
        const stop = async () => {
          running?.stop();
          await bridge?.close();
          unshare?.();
          await app.close();
          await store.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
      } catch (e) {
        schedule?.stop();
        await bridge?.close();
        unshare?.();
        await store.close();
        throw e;
      }
    });
}

/** Listens, turning the usual socket failures into a message that names the option to change. */
async function listen(app: FastifyInstance, port: number, host: string): Promise<string> {
  try {
    return await app.listen({ port, host });
  } catch (e) {
    await app.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UsageError(`--port: ${port} is already in use on ${host} (pick another, or 0 for any free port)`, {
        parameter: '--port',
      });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new UsageError(`--host: cannot listen on '${host}' (${code})`, { parameter: '--host' });
    if (code === 'EACCES')
      throw new UsageError(`--port: not allowed to listen on port ${port} (ports below 1024 need privileges)`, {
        parameter: '--port',
      });
    throw e;
  }
}

/**
 * The URL `serve` prints and leaves for CLI clients: 127.0.0.1 for a loopback server, else the address it
 * listens on, with its port (none for 80, which a URL leaves out: it printed `http://127.0.0.1:/`).
 */
export function dashboardUrl(address: string, loopback: boolean): string {
  const url = new URL(address);
  return `http://${loopback ? '127.0.0.1' : url.hostname}${url.port === '' ? '' : `:${url.port}`}/`;
}
