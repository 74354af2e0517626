/**
 * The live alerts panel: listens to `/api/feed` (server-sent events) and lists alerts as they come;
 * an `update` message means the data changed, so the next page render refetches it.
 */
import { ensureNotNull } from '../../src/domain/ensure.js';
import { el } from './element-builder.js';

interface FeedPayload {
  readonly at: string;
  readonly data: { readonly message?: string; readonly [k: string]: unknown };
}

export function startFeed(onDataChanged: () => void): void {
  const toggle = ensureNotNull(document.getElementById('feed-toggle'), '#feed-toggle element');
  const panel = ensureNotNull(document.getElementById('feed-panel'), '#feed-panel element');
  const list = ensureNotNull(document.getElementById('feed-list'), '#feed-list element');
  const count = ensureNotNull(document.getElementById('feed-count'), '#feed-count element');
  let unread = 0;
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) {
      unread = 0;
      count.hidden = true;
    }
  });
  if (typeof EventSource === 'undefined') return;
  const source = new EventSource('/api/feed');
  const add = (kind: string, text: string, at: string) => {
    if (list.querySelector('.muted')) list.replaceChildren();
    list.prepend(
      el('li', { class: `feed-${kind}` }, el('time', { datetime: at }, at.slice(0, 16).replace('T', ' ')), ' ', text),
    );
    if (panel.hidden) {
      unread++;
      count.textContent = String(unread);
      count.hidden = false;
    }
  };
  source.addEventListener('alert', (e) => {
    const p = JSON.parse((e as MessageEvent<string>).data) as FeedPayload;
    add('alert', p.data.message ?? 'alert', p.at);
  });
  source.addEventListener('update', (e) => {
    const p = JSON.parse((e as MessageEvent<string>).data) as FeedPayload;
    add('update', p.data.message ?? 'data updated', p.at);
    onDataChanged();
  });
  source.addEventListener('schedule', (e) => {
    const p = JSON.parse((e as MessageEvent<string>).data) as FeedPayload;
    add('schedule', p.data.message ?? 'scheduled run', p.at);
  });
}
