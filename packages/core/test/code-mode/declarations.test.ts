import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { toDeclaration, toNamespace } from '../../src/code-mode/declarations.js';
import { CATALOG_DECLARATIONS } from '../../src/code-mode/generated-declarations.js';
import { catalog, toMethodName } from '../../src/index.js';
import { readTool } from '../helpers/tools.js';

const dts = fileURLToPath(new URL('../../dist/code-mode.d.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cp-declarations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Type-checks a script against the published declarations; returns the error messages. */
function typeErrors(script: string): string[] {
  const file = join(dir, `script-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, `/// <reference path="${dts}" />\nexport async function run() {\n${script}\n}\n`);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('code mode declarations', () => {
  it('are generated at build time for every catalog tool, as the catalog says now', () => {
    expect(Object.keys(CATALOG_DECLARATIONS)).toStrictEqual(catalog.map((t) => t.name));
    for (const tool of catalog) expect(CATALOG_DECLARATIONS[tool.name]).toStrictEqual(toDeclaration(tool));
    const file = readFileSync(dts, 'utf8');
    expect(file).toContain(toNamespace(catalog.map(toDeclaration)));
  });

  it('declare the method, its input with field docs, its result, safety and permission', () => {
    expect(toDeclaration(readTool)).toStrictEqual({
      method: 'testRead',
      text:
        '  /** Read. Reads. Safety: read. Permission: thing.read. Tool: test-read. */\n' +
        '  function testRead(input: {\n' +
        '    thingId: string;\n' +
        '    /** {page, pageSize≤50} */\n' +
        '    pagination?: {\n' +
        '      /** 0-based page. */\n' +
        '      page?: number;\n' +
        '      /** Items per page (default 10, max 50). */\n' +
        '      pageSize?: number;\n' +
        '    };\n' +
        '    /** nextCursor, for more. */\n' +
        '    cursor?: string;\n' +
        '  }): Promise<{ results: Record<string, unknown>[]; total?: number; nextCursor?: string; note?: string }>;',
      types: {},
    });
    const list = CATALOG_DECLARATIONS['concierge-list-routers']!.text;
    expect(list).toContain(
      'Promise<{ results: { router: { id: unknown; name: unknown; slug: unknown; routing: { rules: { ruleIds: unknown }[] } }; workspaceId: unknown; [field: string]: unknown }[];',
    );
    expect(CATALOG_DECLARATIONS['meeting-export-v2-put']!.text).toMatch(/\): Promise<\{ text: string \}>;$/);
    expect(CATALOG_DECLARATIONS['meeting-cancel']!.text).toContain('Safety: destructive');
  });

  it('type-check a script that uses them, and catch a misspelt field or method', () => {
    const good = `
      const page = await cp.meetingListPut({ start: 'a', end: 'b', status: ['NoShow'], cursor: undefined });
      const next: string | undefined = page.nextCursor;
      const csv = await cp.meetingExportV2Put({ start: 'a', end: 'b' });
      return [page.results.length, next, csv.text.length, await cp.tenantGet()];`;
    expect(typeErrors(good)).toStrictEqual([]);
    expect(
      typeErrors("await cp.meetingListPut({ start: 'a', end: 'b', statuz: ['NoShow'] });"),
    ).toStrictEqual([expect.stringContaining("'statuz' does not exist")]);
    expect(typeErrors("await cp.meetingListPut({ start: 'a', end: 'b', status: ['Gone'] });")).toStrictEqual([
      expect.stringContaining('"Gone"'),
    ]);
    expect(typeErrors('await cp.meetingLists();')).toStrictEqual([
      expect.stringContaining("'meetingLists' does not exist"),
    ]);
    expect(Object.values(CATALOG_DECLARATIONS).map((d) => d.method)).toStrictEqual(
      catalog.map((t) => toMethodName(t.name)),
    );
  }, 30_000);
});
