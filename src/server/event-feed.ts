/**
 * The live events feed behind `GET /api/feed` (server-sent events): the scheduler and the alert
 * rules publish here, every connected page receives it. Keeps the last few messages so a page that
 * connects late (or reconnects with Last-Event-ID) still sees what it missed.
 */
import type { ServerResponse } from 'node:http';

export interface FeedMessage {
  readonly id: number;
  /** `alert` (a rule fired), `update` (data changed), `schedule` (a scheduled run started or ended). */
  readonly type: 'alert' | 'update' | 'schedule';
  readonly at: string;
  readonly data: unknown;
}

export class EventFeed {
  private readonly clients = new Set<ServerResponse>();
  private readonly history: FeedMessage[] = [];
  private nextId = 1;

  constructor(private readonly keep = 50) {}

  publish(type: FeedMessage['type'], data: unknown): FeedMessage {
    const message: FeedMessage = { id: this.nextId++, type, at: new Date().toISOString(), data };
    this.history.push(message);
    if (this.history.length > this.keep) this.history.shift();
    const frame = formatFrame(message);
    for (const c of this.clients) c.write(frame);
    return message;
  }

  /** The messages kept, oldest first, optionally only those after `afterId`. */
  recent(afterId = 0): readonly FeedMessage[] {
    return this.history.filter((m) => m.id > afterId);
  }

  /** Attaches a hijacked response as an SSE stream; replays what it missed; detaches on close. */
  attach(res: ServerResponse, afterId: number, heartbeatMs = 25_000): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write('retry: 5000\n\n');
    for (const m of this.recent(afterId)) res.write(formatFrame(m));
    this.clients.add(res);
    const beat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
    beat.unref();
    res.on('close', () => {
      clearInterval(beat);
      this.clients.delete(res);
    });
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Ends every stream (server shutdown). */
  closeAll(): void {
    for (const c of this.clients) c.end();
    this.clients.clear();
  }
}

export function formatFrame(m: FeedMessage): string {
  return `id: ${m.id}\nevent: ${m.type}\ndata: ${JSON.stringify({ at: m.at, data: m.data })}\n\n`;
}
