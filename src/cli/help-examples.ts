/**
 * The "Examples:" block under each command's --help, kept in one place so every command and
 * subcommand gets one. Keys are command paths below the root (`perf`, `basket create`).
 */
import type { Command } from 'commander';

export const HELP_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  baserate: [
    'marketdash baserate --event streak --symbol SPY',
    'marketdash baserate --event breakout --pair SPSM/MAG7 --format json',
  ],
  basket: ['marketdash basket create MAG7', 'marketdash basket list'],
  'basket create': [
    'marketdash basket create MAG7',
    'marketdash basket create BIG2 --members AAPL,MSFT --weights 0.6,0.4 --rebalance monthly',
  ],
  'basket list': ['marketdash basket list --format json'],
  'basket show': ['marketdash basket show MAG7'],
  breadth: [
    'marketdash breadth --group sectors',
    'marketdash breadth --group sp600 --benchmark IJR --window 63d --format json',
  ],
  check: ['marketdash check note.md', 'echo "SPY is up 12.3% this year." | marketdash check - --as-of 2025-06-30'],
  db: ['marketdash db status', 'marketdash --database-url postgres://user@host/db db migrate'],
  'db migrate': ['marketdash --database-url postgres://user@host/db db migrate'],
  'db check': ['marketdash db check', 'marketdash db check --fix --format json'],
  'db status': ['marketdash db status --format json'],
  demo: ['marketdash --db demo.duckdb demo', 'marketdash --db demo.duckdb demo --end 2025-12-11 --seed 7'],
  events: [
    'marketdash events',
    'marketdash events --group mag7 --as-of 2025-06-30 --format json',
    'marketdash events --format csv > events.csv',
  ],
  group: ['marketdash group import sp600.csv --name sp600 --benchmark IJR', 'marketdash group list'],
  'group import': ['marketdash group import sp600.csv --name sp600 --benchmark IJR'],
  'group list': ['marketdash group list --format json'],
  'group show': ['marketdash group show mag7'],
  import: ['marketdash import data/*.csv', 'marketdash import spx.csv.gz --symbol ^GSPC'],
  indicators: [
    'marketdash indicators SPY --ind sma:50,rsi:14 --from 2025-01-01',
    'marketdash indicators NVDA --ind macd:12:26:9,bbands:20:2 --format json',
  ],
  init: ['marketdash init', 'marketdash init --path config/marketdash.config.json --force'],
  leaders: ['marketdash leaders --group mag7', 'marketdash leaders --group sectors --window ytd --format csv'],
  perf: [
    'marketdash perf SPY QQQ NVDA',
    'marketdash perf --group mag7 --as-of 2025-06-30',
    'marketdash perf --all --total-return --format json',
    'marketdash perf IWM QQQ --from 2025-01-01 --to 2025-06-30',
    'marketdash perf --group mag7 --wide',
  ],
  rank: ['marketdash rank --group sectors', 'marketdash rank --group mag7 --weights 30,30,15,15,5,5 --format json'],
  ratio: [
    'marketdash ratio SPSM MAG7 --from 2025-01-01',
    'marketdash ratio RSP SPY --trend --format json',
    'marketdash ratio SPSM MAG7 --trend --lookback-years 3-5',
  ],
  rates: ['marketdash rates --as-of 2025-12-11', 'marketdash rates --rate DGS2 --format json'],
  regime: ['marketdash regime', 'marketdash regime --since 2025-01-01 --format json'],
  report: [
    'marketdash report --out note.md',
    'marketdash report --as-of 2025-06-30 --format html --out note.html --snapshot snap/',
  ],
  rotation: [
    'marketdash rotation --group sectors --benchmark SPY',
    'marketdash rotation --group mag7 --interval daily --tail 10 --format json',
    'marketdash rotation --group sectors --format csv',
  ],
  seasonality: ['marketdash seasonality IWM/MAG7 --window 12-15..01-05', 'marketdash seasonality XLK --format json'],
  scoreboard: ['marketdash scoreboard', 'marketdash scoreboard --symbols IWM,SPSM,MAG7 --total-return'],
  serve: [
    'marketdash serve',
    'marketdash --db demo.duckdb serve --demo --port 0',
    'MARKETDASH_TOKEN=... marketdash serve --host 0.0.0.0 --schedule',
  ],
  symbols: ['marketdash symbols', 'marketdash symbols --check', 'marketdash symbols --gaps --format csv'],
  'symbols remove': ['marketdash symbols remove ZZZ', 'marketdash symbols remove OLD1 OLD2 --format json'],
  trend: [
    'marketdash trend SPY',
    'marketdash trend SPSM/MAG7 --lookback-years 3-6 --format json',
    'marketdash trend SPSM/MAG7 --format csv',
  ],
  update: [
    'marketdash update',
    'marketdash update NVDA AAPL --from 2020-01-01',
    'marketdash update --group rates --provider fred',
  ],
};

/** The path of a command below the root: `basket create`. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Adds the examples of HELP_EXAMPLES under the help of every command that has them. */
export function addHelpExamples(program: Command): void {
  const visit = (cmd: Command): void => {
    const examples = HELP_EXAMPLES[commandPath(cmd)];
    if (examples) cmd.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
    for (const sub of cmd.commands) visit(sub);
  };
  for (const sub of program.commands) visit(sub);
  program.addHelpText('after', ROOT_HELP);
}

/** Under the root help: how a script reads the outcome, and the environment the store options fall back on. */
const ROOT_HELP = `
Exit codes: 0 ok; 1 a data problem or something not found (unknown symbol or group, empty store),
  or a contradicted claim (check); 2 a usage mistake (unknown option, bad date or number).
Errors are one line on stderr starting with 'marketdash: '. Most commands take --format json.
Environment: MARKETDASH_DB, MARKETDASH_DATABASE_URL (store), MARKETDASH_CONFIG (universe config).

Examples:
  $ marketdash --db demo.duckdb demo
  $ marketdash --db demo.duckdb perf --group mag7
  $ marketdash perf SPY --help
`;
