/**
 * API keys for providers that need one (Alpha Vantage, Tiingo ...): read from the environment
 * (`MARKETDASH_<PROVIDER>_API_KEY`) or the config's `providers.keys`, never from the command line,
 * and scrubbed from any message before it is shown or logged.
 */

export class ProviderSecrets {
  private readonly keys: Map<string, string>;

  constructor(configKeys: Readonly<Record<string, string>> = {}, env: NodeJS.ProcessEnv = process.env) {
    this.keys = new Map();
    for (const [name, key] of Object.entries(configKeys)) if (key) this.keys.set(name.toLowerCase(), key);
    for (const [variable, value] of Object.entries(env)) {
      const m = /^MARKETDASH_([A-Z0-9]+)_API_KEY$/.exec(variable);
      if (m && value) this.keys.set(m[1]!.toLowerCase(), value);
    }
  }

  /** The key for a provider, or null. */
  keyFor(provider: string): string | null {
    return this.keys.get(provider.toLowerCase()) ?? null;
  }

  /** `text` with every known key replaced by `***` (keys of 4 characters or more). */
  redact(text: string): string {
    let out = text;
    for (const key of this.keys.values()) if (key.length >= 4) out = out.split(key).join('***');
    return out;
  }
}
