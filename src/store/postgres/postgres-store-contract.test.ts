/** The shared store contract (test/store/store-contract.ts) and the close-snapshot contract, run against a real PostgreSQL server. */

import { runSnapshotContract } from '../../../test/store/snapshot-contract.js';
import { runStoreContract } from '../../../test/store/store-contract.js';
import { createTestDatabase } from '../../../test/support/postgres-test-db.js';
import { PostgresStore } from './postgres-store.js';

// A fresh database for each store the contract makes; the throwaway server is removed after the run.
runStoreContract('postgres', async () => PostgresStore.open((await createTestDatabase()).url));
runSnapshotContract('postgres', async () => PostgresStore.open((await createTestDatabase()).url));
