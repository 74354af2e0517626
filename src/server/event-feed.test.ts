/** The server-sent events feed over a real socket: frames in the SSE format, replay after Last-Event-ID. */
import { expect, test } from 'vitest';
import { openTestApp } from '../../test/server/api-app.js';
import { EventFeed, formatFrame } from './event-feed.js';

test('frames follow the SSE format', () => {
  expect(formatFrame({ id: 7, type: 'alert', at: '2025-12-11T22:31:00.000Z', data: { message: 'x' } })).toBe(
    'id: 7\nevent: alert\ndata: {"at":"2025-12-11T22:31:00.000Z","data":{"message":"x"}}\n\n',
  );
});

test('GET /api/feed streams published messages and replays those after Last-Event-ID', async () => {
  const feed = new EventFeed();
  feed.publish('update', { message: 'first' });
  feed.publish('update', { message: 'second' });
  const t = await openTestApp({ feed });
  try {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${address}/api/feed`, { headers: { 'last-event-id': '1' } });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil('second');
    expect(text).not.toContain('first');
    feed.publish('alert', { message: 'IWM: new all-time closing high' });
    await readUntil('all-time');
    expect(text).toContain('id: 3\nevent: alert\n');
    await reader.cancel();
  } finally {
    await t.close();
  }
});
