/**
 * The schema of `marketdash.config.json`, in zod: parsing gives the typed UniverseConfig, and every
 * problem is reported with the path of the bad key (`groups.mag7[2]: 'GOOGX' is not a symbol in
 * 'symbols'`). The JSON Schema next to it (marketdash.config.schema.json, for editors) is generated
 * from this one (`npx tsx src/config/write-config-schema.ts`); a test keeps the two in step.
 */
import { z } from 'zod';
import { STORED_TICKER_PATTERN, SYMBOL_KINDS, TICKER_RULE_TEXT } from '../domain/symbol-info.js';

/** The one ticker rule (src/domain/symbol-info.ts), in the stored upper-case form. */
const ticker = z
  .string()
  .regex(
    new RegExp(STORED_TICKER_PATTERN),
    `must be an upper-case ticker (${TICKER_RULE_TEXT}) like NVDA, ^VIX or BRK.B`,
  );

export const KNOWN_PROVIDERS = ['yahoo', 'stooq', 'fred', 'demo'] as const;
const providerName = z.string().min(1);

const symbolSchema = z
  .object({
    name: z.string().min(1).describe('display name: Nvidia Corp.'),
    kind: z.enum(SYMBOL_KINDS),
    aliases: z.array(z.string().min(1)).default([]).describe('other names the market note and claim checker recognise'),
    readAs: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "words for a part of the market the claim checker reads as this symbol, saying so in the verdict ('small caps' read as IWM)",
      ),
  })
  .strict();

const basketSchema = z
  .object({
    members: z.array(ticker).min(1),
    rebalance: z.enum(['monthly', 'quarterly', 'none']).default('quarterly'),
    weights: z
      .array(z.number().positive())
      .optional()
      .describe('fixed weights in member order, summing to 1; omit for equal weight'),
  })
  .strict();

export const universeConfigSchema = z
  .object({
    $schema: z.string().optional(),
    symbols: z.record(ticker, symbolSchema).describe('every symbol with its display name, kind and aliases'),
    groups: z
      .record(z.string().regex(/^[a-z0-9_-]+$/, 'group names are lower-case: mag7, smallcaps'), z.array(ticker).min(1))
      .default({}),
    baskets: z.record(ticker, basketSchema).default({}),
    pairs: z
      .array(z.string().regex(/^[^/\s]+\/[^/\s]+$/, "a pair is 'A/B', like SPSM/MAG7"))
      .default([])
      .describe('ratios to watch'),
    trackingPairs: z
      .array(z.object({ fund: ticker, index: ticker }).strict())
      .default([])
      .describe('a fund and the index it tracks'),
    providers: z
      .object({
        order: z
          .array(providerName)
          .default(['yahoo', 'stooq'])
          .describe('fallback order for stocks, ETFs and indices'),
        rates: z.array(providerName).default(['fred']).describe('fallback order for rate series'),
        disabled: z.array(providerName).default([]).describe('providers switched off'),
        keys: z
          .record(z.string(), z.string())
          .optional()
          .describe('API keys by provider (prefer MARKETDASH_<PROVIDER>_API_KEY in the environment)'),
      })
      .strict()
      .default({ order: ['yahoo', 'stooq'], rates: ['fred'], disabled: [] }),
    events: z
      .object({
        nearAthPct: z.number().min(0).max(1).default(0.02),
        minStreak: z.number().int().min(1).default(4),
        sinceMinMonths: z.number().min(0).default(1),
      })
      .strict()
      .default({ nearAthPct: 0.02, minStreak: 4, sinceMinMonths: 1 }),
    alerts: z.array(z.unknown()).default([]),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const known = new Set(Object.keys(cfg.symbols));
    const need = (t: string, path: (string | number)[], what = 'a symbol') => {
      if (!known.has(t)) ctx.addIssue({ code: 'custom', path, message: `'${t}' is not ${what} in 'symbols'` });
    };
    for (const [g, members] of Object.entries(cfg.groups)) {
      members.forEach((m, i) => {
        need(m, ['groups', g, i]);
      });
    }
    for (const [b, spec] of Object.entries(cfg.baskets)) {
      spec.members.forEach((m, i) => {
        need(m, ['baskets', b, 'members', i]);
      });
      if (spec.weights) {
        if (spec.weights.length !== spec.members.length)
          ctx.addIssue({
            code: 'custom',
            path: ['baskets', b, 'weights'],
            message: `${spec.weights.length} weights for ${spec.members.length} members`,
          });
        const sum = spec.weights.reduce((a, x) => a + x, 0);
        if (Math.abs(sum - 1) > 1e-6)
          ctx.addIssue({
            code: 'custom',
            path: ['baskets', b, 'weights'],
            message: `weights sum to ${Number(sum.toFixed(6))}, not 1`,
          });
      }
    }
    cfg.pairs.forEach((p, i) => {
      for (const side of p.split('/')) need(side, ['pairs', i]);
    });
    cfg.trackingPairs.forEach((p, i) => {
      need(p.fund, ['trackingPairs', i, 'fund']);
      need(p.index, ['trackingPairs', i, 'index']);
    });
    for (const key of ['order', 'rates', 'disabled'] as const) {
      cfg.providers[key].forEach((p, i) => {
        if (!(KNOWN_PROVIDERS as readonly string[]).includes(p))
          ctx.addIssue({
            code: 'custom',
            path: ['providers', key, i],
            message: `'${p}' is not a provider (${KNOWN_PROVIDERS.join(', ')})`,
          });
      });
    }
  });

export type ParsedUniverseConfig = z.output<typeof universeConfigSchema>;

/** `groups.mag7[2]` from a zod issue path. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || '(root)';
}

/** The config's problems as `path: message` lines, or an empty list when it is valid. */
export function configProblems(value: unknown): string[] {
  const r = universeConfigSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${issuePath(i.path)}: ${i.message}`);
}

/** The JSON Schema for editors, generated from the zod schema. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(universeConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: 'https://marketdash.dev/marketdash.config.schema.json',
    title: 'MarketDash universe config',
  };
}
