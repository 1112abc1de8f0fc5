import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { catalog, TOOL_GROUPS, toMcpTool, type AnyTool, type Flow } from '../src/index.js';
import { pathVariables, placementOf } from '../src/to-request.js';

// Facts copied into the repo: the help article's tool table and the Edge operation index.
const helpArticle = JSON.parse(
  readFileSync(new URL('./fixtures/help-article-tools.json', import.meta.url), 'utf8'),
) as Record<string, string[]>;
const operations = new Map(
  readFileSync(new URL('./fixtures/edge-operations.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [name, method, path, , , replacement] = line.trim().split(/\s+/);
      return [name!, { method: method!, path: path!, replacement }] as const;
    }),
);

const tools = catalog as readonly AnyTool[];
const each = (fn: (tool: AnyTool) => void) => () => tools.forEach(fn);

describe('catalog invariants', () => {
  it('holds exactly the help-article tools, unique, in their groups, plus extras marked as such', () => {
    const names = tools.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    const hosted = tools.filter((t) => !t.docs.extra);
    expect(hosted.map((t) => t.name).sort()).toStrictEqual(Object.values(helpArticle).flat().sort());
    for (const tool of hosted) expect(helpArticle[tool.group]).toContain(tool.name);
    expect(Object.keys(helpArticle)).toStrictEqual([...TOOL_GROUPS]);
    for (const extra of tools.filter((t) => t.docs.extra)) {
      expect(extra.safety.kind, `${extra.name}: extras are read tools`).toBe('read');
      expect(extra.operation.name, `${extra.name} calls its own operation`).toBe(extra.name);
    }
  });

  it(
    'calls an operation whose name, method and path match the Edge operation index',
    each((tool) => {
      const op = operations.get(tool.operation.name);
      expect(op, `${tool.name}: ${tool.operation.name} is not in the index`).toBeDefined();
      expect({ method: tool.operation.method, path: tool.operation.path }).toStrictEqual({
        method: op!.method,
        path: op!.path,
      });
      expect(op!.replacement, `${tool.name} calls a deprecated operation`).toBeUndefined();
    }),
  );

  it(
    'names the deprecated seed when it calls a replacement, and only then',
    each((tool) => {
      if (tool.operation.name === tool.name) {
        expect(tool.docs.replaces).toBeUndefined();
        return;
      }
      expect(
        tool.docs.replaces?.name,
        `${tool.name} calls ${tool.operation.name} without saying what it replaces`,
      ).toBe(tool.name);
      const seed = operations.get(tool.name)!;
      expect(seed.replacement).toBe(tool.operation.name);
      expect({ method: tool.docs.replaces!.method, path: tool.docs.replaces!.path }).toStrictEqual({
        method: seed.method,
        path: seed.path,
      });
    }),
  );

  it(
    'has an input field for every {var} in its path, and puts every field in exactly one valid place',
    each((tool) => {
      const fields = Object.keys(tool.input.entries);
      const vars = pathVariables(tool.operation.path);
      const filled = new Map<string, string>();
      const wire = new Set<string>();
      let roots = 0;
      for (const field of fields) {
        const place = placementOf(tool, field);
        if (place.in === 'path') {
          expect(vars, `${tool.name}.${field} goes to path {${field}}`).toContain(field);
          filled.set(field, field);
        } else if ('root' in place) {
          roots++;
        } else if (!('spread' in place)) {
          const key = `${place.in}:${field}`;
          expect(wire.has(key), `${tool.name}: two fields send ${key}`).toBe(false);
          wire.add(key);
        }
      }
      expect(roots, `${tool.name}: more than one field is the whole body`).toBeLessThanOrEqual(1);
      if (roots === 1) {
        const others = fields.filter(
          (f) => placementOf(tool, f).in === 'body' && !('root' in placementOf(tool, f)),
        );
        expect(others, `${tool.name}: a whole-body field leaves no room for other body fields`).toStrictEqual(
          [],
        );
      }
      for (const name of vars)
        expect(filled.get(name), `${tool.name}: nothing fills {${name}}`).toBeDefined();
      const bodyless = tool.operation.method === 'GET' || tool.operation.method === 'DELETE' || tool.noBody;
      if (bodyless) {
        for (const field of fields)
          expect(placementOf(tool, field).in, `${tool.name}.${field} has no body to go to`).not.toBe('body');
      }
    }),
  );

  it(
    'states its safety class explicitly, and no read tool is destructive or changes state',
    each((tool) => {
      expect(['read', 'write', 'destructive']).toContain(tool.safety.kind);
      expect(typeof tool.safety.idempotent).toBe('boolean');
      const { annotations } = toMcpTool(tool);
      expect(annotations?.readOnlyHint && annotations.destructiveHint).toBe(false);
      if (tool.safety.kind === 'read') expect(tool.docs.externalEffects ?? false).toBe(false);
    }),
  );

  it(
    'accepts paging input when it pages, a cursor when it lists, and fields when its view keeps some',
    each((tool) => {
      const entries = Object.keys(tool.input.entries);
      expect(entries.includes('cursor'), `${tool.name}: cursor iff a list`).toBe(
        tool.view?.items !== undefined,
      );
      expect(entries.includes('fields'), `${tool.name}: fields iff view.keep`).toBe(
        tool.view?.keep !== undefined,
      );
      if (tool.pagination) expect(tool.view?.items, `${tool.name} pages, so it is a list`).toBeDefined();
      if (!tool.pagination) {
        expect(entries, tool.name).not.toContain('pagination');
        return;
      }
      expect(entries, tool.name).toContain('pagination');
      if (tool.pagination.maxPageSize !== undefined) {
        expect(
          v.safeParse(tool.input.entries['pagination']!, { pageSize: tool.pagination.maxPageSize + 1 })
            .success,
        ).toBe(false);
      }
    }),
  );

  it('limits meeting list/export to 7 days and concierge logs to 30 per request, splits up to 92, and says so', () => {
    const spans = Object.fromEntries(
      tools.filter((t) => t.span).map((t) => [t.name, [t.span!.maxDays, t.span!.splitUpTo]]),
    );
    expect(spans).toStrictEqual({
      'meeting-list-put': [7, 92],
      'meeting-export-v2-put': [7, 92],
      'concierge-logs': [30, 92],
    });
    for (const tool of tools.filter((t) => t.span)) {
      expect(tool.description).toContain(`${tool.span!.maxDays}-day`);
      expect(tool.description).toContain(`${tool.span!.splitUpTo} days`);
    }
  });

  it(
    'filters only on item paths of a list, and keeps a local-only filter input at the top level',
    each((tool) => {
      for (const filter of tool.filters ?? []) {
        expect(tool.view?.items, `${tool.name} filters items, so it is a list`).toBeDefined();
        if (!filter.send)
          expect(filter.input, `${tool.name}: local-only filter inputs are top-level`).not.toContain('.');
        const [head] = filter.input.split('.');
        expect(Object.keys(tool.input.entries), tool.name).toContain(head);
      }
    }),
  );

  it(
    'expands only optional inputs, from a list tool of the catalog that needs no input',
    each((tool) => {
      if (!tool.expand) return;
      const from = tools.find((t) => t.name === tool.expand!.from);
      expect(from?.view?.items, `${tool.name}: expand.from is a list tool`).toBeDefined();
      expect(from!.safety.kind).toBe('read');
      for (const field of Object.keys(tool.expand.fields)) {
        const entry = tool.input.entries[field] as { type: string } | undefined;
        expect(entry?.type, `${tool.name}.${field} is an optional input`).toBe('optional');
      }
      expect(v.safeParse(from!.input, {}).success, `${from!.name} takes no required input`).toBe(true);
    }),
  );

  it(
    'states why it has its safety class',
    each((tool) => {
      expect(tool.docs.safetyReason.length, tool.name).toBeGreaterThan(10);
    }),
  );

  it('wires the two-phase flows both ways and names the next tool in the description', () => {
    const starts = tools.filter((t) => t.docs.flow?.role === 'start');
    expect(starts.map((t) => t.name).sort()).toStrictEqual(
      ['concierge-route', 'concierge-route-by-slug', 'handoff-init', 'scheduling-link-init'].sort(),
    );
    for (const start of starts) {
      const flow = start.docs.flow as Extract<Flow, { role: 'start' }>;
      const finish = tools.find((t) => t.name === flow.next);
      expect(finish?.docs.flow).toMatchObject({ role: 'finish', name: flow.name });
      expect(start.description).toContain(flow.next);
      for (const field of (finish!.docs.flow as Extract<Flow, { role: 'finish' }>).consumes) {
        expect(Object.keys(finish!.input.entries)).toContain(field);
      }
    }
  });

  it(
    'describes itself and every input field, and converts to JSON Schema',
    each((tool) => {
      expect(tool.description.length, tool.name).toBeGreaterThan(25);
      expect(tool.title.length).toBeGreaterThan(3);
      const schema = toMcpTool(tool).inputSchema as { properties?: Record<string, { description?: string }> };
      for (const [field, prop] of Object.entries(schema.properties ?? {})) {
        expect(prop.description, `${tool.name}.${field} has no description`).toBeTruthy();
      }
      expect(['spec', 'spec-extended', 'observed', 'inferred']).toContain(tool.docs.confidence);
      expect(tool.permission).toMatch(/^[a-z-]+\.[a-z]+$/);
    }),
  );
});
