#!/usr/bin/env node
/**
 * The `marketdash` command line. Commands live one per file in `commands/` and are registered in
 * `program.ts`; `run-cli.ts` runs them and maps errors to exit codes; `cli-main.ts` is what the process
 * runs. The installed `bin/marketdash.js` runs the bundle of scripts/bundle-cli.mjs instead when there is
 * one, made from the same modules.
 */
import { main } from './cli-main.js';

process.exitCode = await main(process.argv);
