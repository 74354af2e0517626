/**
 * The line a CLI gives instead of sending its command to a server of another build (hand-made stamps):
 * the same build, or both from source, is no mismatch; a server file without a build (written by a
 * server older than build stamps) is an older build; otherwise the build times say older or newer.
 */
import { describe, expect, it } from 'vitest';
import { buildMismatch, serverCommand } from './build-stamp.js';

const server = { pid: 4242, since: '2026-12-06T10:15:30.000Z', command: 'marketdash serve --demo' };
const old = { id: 'aaaa', builtAt: '2026-12-06T10:02:00.000Z' };
const fresh = { id: 'bbbb', builtAt: '2026-12-06T10:40:00.000Z' };

describe('buildMismatch', () => {
  it('is null for the same build, and for two processes run from source', () => {
    expect(buildMismatch({ ...server, build: fresh }, { ...fresh })).toBeNull();
    expect(buildMismatch({ ...server, build: null }, null)).toBeNull();
  });

  it('names the older server, when it started and how to restart it', () => {
    expect(buildMismatch({ ...server, build: old }, fresh)).toBe(
      "the running server (PID 4242, started 2026-12-06 10:15:30 UTC) is an older build than this CLI (built 2026-12-06 10:02:00 UTC; this CLI 2026-12-06 10:40:00 UTC): it would run this command with its own code; restart it: stop PID 4242, then run 'marketdash serve --demo' again",
    );
    expect(buildMismatch({ ...server, build: fresh }, old)).toContain('is a newer build than this CLI');
  });

  it('takes a server file without a build for an older build, and says when one side runs from source', () => {
    const { command: _, ...noCommand } = server;
    expect(buildMismatch(noCommand, fresh)).toBe(
      "the running server (PID 4242, started 2026-12-06 10:15:30 UTC) is an older build than this CLI (one that does not say which build it is): it would run this command with its own code; restart it: stop PID 4242, then run 'marketdash serve' again",
    );
    expect(buildMismatch({ ...server, build: null }, fresh)).toContain(
      "runs from source, not this CLI's build (built 2026-12-06 10:40:00 UTC)",
    );
    expect(buildMismatch({ ...server, build: old }, null)).toContain(
      'is a build (built 2026-12-06 10:02:00 UTC) and this CLI runs from source',
    );
  });
});

describe('serverCommand', () => {
  it('is `npm start` under npm start, else the command line as typed', () => {
    expect(serverCommand(['node', 'bin/marketdash.js', 'serve', '--demo'], { npm_lifecycle_event: 'start' })).toBe(
      'npm start',
    );
    expect(serverCommand(['node', 'bin/marketdash.js', '--db', 'a.duckdb', 'serve'], {})).toBe(
      'marketdash --db a.duckdb serve',
    );
  });
});
