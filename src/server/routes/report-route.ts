/**
 * GET /api/report?asOf=&format=json|md|html : the market note as `marketdash report` writes it.
 * JSON (default) lists every figure with its provenance (metric, symbols, dates, value, formula);
 * HTML links each figure in the text to that list; Markdown is the plain text.
 */
import type { FastifyInstance } from 'fastify';
import { noteJson, renderHtml, renderMarkdown } from '../../note/report/render-note.js';
import { buildReport } from '../../services/report/build-report.js';
import { errorResponses, isoDate, isoDateParam } from '../api-schemas.js';
import { JSON_TYPE, type ServerContext, sendCached } from '../server-context.js';

const CONTENT_TYPES = {
  json: JSON_TYPE,
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const;
type NoteFormat = keyof typeof CONTENT_TYPES;

export function registerReportRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: { asOf?: string; format?: NoteFormat } }>(
    '/report',
    {
      schema: {
        summary: 'The market note, with the provenance of every figure',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { asOf: isoDate, format: { type: 'string', enum: ['json', 'md', 'html'], default: 'json' } },
        },
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const asOf = isoDateParam(request.query.asOf, 'asOf');
      const format: NoteFormat = request.query.format ?? 'json';
      const cached = await ctx.cache.getOrCompute('report', { asOf, format }, async () => {
        const { note } = await buildReport(ctx.store, { asOf, config: ctx.config });
        const body =
          format === 'json'
            ? JSON.stringify(noteJson(note))
            : format === 'md'
              ? renderMarkdown(note)
              : renderHtml(note);
        return { body, contentType: CONTENT_TYPES[format] };
      });
      return sendCached(ctx, reply, cached);
    },
  );
}
