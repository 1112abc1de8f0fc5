#!/usr/bin/env node
// Extracts the 200 response schemas (with their required headers, and the required permissions) of the operations the sandbox emulates from the
// first-party OpenAPI subsets into test/contract/schemas.json. Run once when the specs are available:
//   node packages/sandbox/scripts/extract-schemas.mjs [/path/to/openapi-dir]
// Prose (`description`, `example(s)`) is stripped; `$ref`s to components become local `$defs`.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const dir = process.argv[2] ?? '/work/shared/edge-api/openapi';
const out = join(dirname(fileURLToPath(import.meta.url)), '../test/contract/schemas.json');
if (!existsSync(dir)) {
  console.error(`OpenAPI directory not found: ${dir}; keeping the committed ${out}`);
  process.exit(0);
}

const WANTED = new Set(
  `availabilitySlots conciergeListRouters conciergeLogs distributionCreate distributionListPut distroListRouters
  meetingCancel meetingExportV2Put meetingGet meetingListPut meetingTypeList ruleCreate ruleList schedulingLinkListAdminOneOnOne
  schedulingLinkListGroup schedulingLinkListOwnership schedulingLinkListPersonal schedulingLinkListRoundRobin
  teamAddUsers teamListPut teamRemoveUsers tenantGet userFind userFindByIds userRead userUpdateLicenses
  workspaceAddUsers workspaceList workspaceListUsers workspaceRemoveUsers`.split(/\s+/),
);

const cmpVersion = (a, b) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

const PROSE = new Set(['description', 'example', 'examples', 'summary', 'externalDocs', 'discriminator']);
function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (node && typeof node === 'object') {
    const res = {};
    for (const [k, v] of Object.entries(node)) {
      if (PROSE.has(k) && (typeof v !== 'object' || k !== 'description' || !('type' in v))) continue;
      if (k === '$ref' && typeof v === 'string') res[k] = v.replace('#/components/schemas/', '#/$defs/');
      else res[k] = strip(v);
    }
    return res;
  }
  return node;
}

function collectRefs(node, components, acc) {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, components, acc));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        const name = v.slice('#/components/schemas/'.length);
        if (!acc.has(name)) {
          acc.add(name);
          collectRefs(components[name], components, acc);
        }
      } else collectRefs(v, components, acc);
    }
  }
}

const best = {};
let errorEnvelope = null;
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const doc = parse(readFileSync(join(dir, file), 'utf8'));
  const version = doc.info.version;
  const components = doc.components?.schemas ?? {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!op?.operationId || !WANTED.has(op.operationId)) continue;
      const def = op.responses?.default?.content?.['application/json']?.schema;
      if (def && (!errorEnvelope || cmpVersion(errorEnvelope.version, version) < 0)) {
        const refs = new Set();
        collectRefs(def, components, refs);
        const $defs = {};
        for (const name of [...refs].sort()) $defs[name] = strip(components[name]);
        errorEnvelope = {
          version,
          method: null,
          path: null,
          permissions: null,
          contentType: 'application/json',
          headers: [],
          schema: { ...strip(def), $defs },
        };
      }
      const prev = best[op.operationId];
      if (prev && cmpVersion(prev.version, version) >= 0) continue;
      const ok = op.responses?.['200'];
      const content = ok?.content ?? {};
      const contentType = Object.keys(content)[0] ?? null;
      const schema = contentType ? content[contentType].schema : null;
      const refs = new Set();
      collectRefs(schema, components, refs);
      const $defs = {};
      for (const name of [...refs].sort()) $defs[name] = strip(components[name]);
      best[op.operationId] = {
        version,
        method: method.toUpperCase(),
        path,
        permissions: op['X-Chili-Required-Permissions'] ?? op['x-chili-required-permissions'] ?? null,
        contentType,
        headers: Object.entries(ok?.headers ?? {})
          .filter(([, h]) => h?.required)
          .map(([name]) => name),
        schema: schema ? { ...strip(schema), $defs } : null,
      };
    }
  }
}
const sorted = Object.fromEntries(
  Object.keys(best)
    .sort()
    .map((k) => [k, best[k]]),
);
// The JSON error envelope of every operation's `default` response.
if (errorEnvelope) sorted._errorEnvelope = errorEnvelope;
writeFileSync(out, JSON.stringify(sorted, null, 1) + '\n');
console.log(`wrote ${Object.keys(sorted).length} operations to ${out}`);
