/**
 * GET /api/report?asOf=&format=json|md|html : the market note as `marketdash report` writes it.
 * JSON (default) lists every figure with its provenance (metric, symbols, dates, value, formula);
 * HTML links each figure in the text to that list; Markdown is the plain text.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, isoDateInput } from '../../contracts/common-contract.js';
import { noteResultSchema } from '../../contracts/report-contract.js';
import { renderHtml, renderMarkdown } from '../../note/report/render-note.js';
import { buildReport } from '../../services/report/build-report.js';
import { noteResult } from '../../services/report/note-result.js';
import { isoDateParam } from '../api-schemas.js';
import { JSON_TYPE, type ServerContext, sendCached, storeEndWarnings, warningHeaders } from '../server-context.js';

const CONTENT_TYPES = {
  json: JSON_TYPE,
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const;
type NoteFormat = keyof typeof CONTENT_TYPES;

export function registerReportRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/report',
    {
      schema: {
        summary: 'The market note, with the provenance of every figure',
        querystring: z.strictObject({
          asOf: isoDateInput.optional(),
          format: z.enum(['json', 'md', 'html']).default('json').describe('json (with provenance), md or html'),
        }),
        response: {
          200: {
            description: 'the note: JSON with provenance (default), Markdown or self-contained HTML',
            content: {
              'application/json': { schema: noteResultSchema },
              'text/markdown': { schema: z.string() },
              'text/html': { schema: z.string() },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const asOf = isoDateParam(request.query.asOf, 'asOf');
      const format: NoteFormat = request.query.format;
      const cached = await ctx.cache.getOrCompute('report', { asOf, format }, async () => {
        const { note, warnings } = await buildReport(ctx.store, { asOf, config: ctx.config });
        const body =
          format === 'json'
            ? JSON.stringify(noteResultSchema.parse(noteResult(note, warnings)))
            : format === 'md'
              ? renderMarkdown(note)
              : renderHtml(note);
        // past the data the note is as of its last day: the x-marketdash-warnings header says so
        return { body, contentType: CONTENT_TYPES[format], headers: warningHeaders(await storeEndWarnings(ctx, asOf)) };
      });
      return sendCached(ctx, reply, cached);
    },
  );
}
