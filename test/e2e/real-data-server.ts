/**
 * The server the real-data browser tests share: a fresh store imported from ../shared/data/real (the
 * ETF and mega-cap files, ^RUT, ^VIX and FRED's DGS2, DGS10 and DFF) with the configured MAG7 basket,
 * and `marketdash serve` on it at a free port.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/universe-config.js';
import { createBasket } from '../../src/services/baskets/create-basket.js';
import { importFiles } from '../../src/services/import/import-service.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { startServer, stopServer } from '../support/run-cli.js';
import { realFile } from '../support/shared-data.js';

export interface RealDataServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * `memberLists`: also import the S&P 500 and 600 member lists (constituents/sp500.csv and sp600.csv), as the
 * README's real-data setup does: some 1,100 tickers named without a single price.
 */
export async function startRealDataServer(options: { memberLists?: boolean } = {}): Promise<RealDataServer> {
  const dir = mkdtempSync(join(tmpdir(), 'marketdash-real-e2e-'));
  let child: ChildProcess | undefined;
  try {
    const db = join(dir, 'real.duckdb');
    const store = await DuckDbStore.open(db);
    const etfs = realFile('etfs-and-megacaps');
    await importFiles(store, {
      files: [
        ...readdirSync(etfs)
          .filter((f) => f.endsWith('.csv'))
          .map((f) => join(etfs, f)),
        realFile('indices/^RUT.csv'),
        realFile('indices/^VIX.csv'),
        realFile('rates/DGS2.csv'),
        realFile('rates/DGS10.csv'),
        realFile('rates/DFF.csv'),
        ...(options.memberLists ? [realFile('constituents/sp500.csv'), realFile('constituents/sp600.csv')] : []),
      ],
    });
    // The configured basket: materialised on import by the store, else built here from its members.
    if ((await store.getSymbol('MAG7')) === null) {
      const mag7 = defaultConfig().baskets.MAG7!;
      await createBasket(store, { name: 'MAG7', members: mag7.members, rebalance: mag7.rebalance });
    }
    await store.close();
    const server = await startServer(
      ['--db', db],
      { MARKETDASH_CONFIG: '', MARKETDASH_TOKEN: '' },
      { timeoutMs: 110_000 },
    );
    child = server.child;
    const started = server.child;
    return {
      url: server.url,
      async stop() {
        await stopServer(started);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (child) await stopServer(child);
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
