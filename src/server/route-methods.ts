/**
 * The methods each route answers, recorded as the routes are registered (Fastify's onRoute hook), so a request
 * with a method a path does not have is a 405 naming the ones it has (the `Allow` header), not a 404 that says
 * the path does not exist. Paths are matched as Fastify's router matches them: `:name` is one segment, `*` the rest.
 */
export class RouteMethods {
  private readonly routes: { readonly pattern: RegExp; readonly methods: readonly string[] }[] = [];

  add(method: string | readonly string[], url: string): void {
    const methods = (typeof method === 'string' ? [method] : method).map((m) => m.toUpperCase());
    const source = url
      .split('/')
      .map((segment) =>
        segment === '*' ? '.*' : segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    this.routes.push({ pattern: new RegExp(`^${source}/?$`), methods });
  }

  /** The methods some route answers on `path` (no query string), sorted; empty when the path has no route. */
  allowed(path: string): string[] {
    const out = new Set<string>();
    for (const r of this.routes) if (r.pattern.test(path)) for (const m of r.methods) out.add(m);
    return [...out].sort();
  }
}
