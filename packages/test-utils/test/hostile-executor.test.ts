// Issue #9: the hostile-upstream suite over every tool, straight through the executor (Node's global fetch).
import { catalog } from '@chilipiper-mcp/core';
import { expect, it } from 'vitest';
import { describeHostileUpstream } from '../src/index.js';
import { catalogTargets, runTool } from './helpers.js';

const targets = catalogTargets();

it('has valid arguments for every tool of the catalog', () => {
  expect(targets.map((t) => t.tool.name).sort()).toStrictEqual(catalog.map((t) => t.name).sort());
});

describeHostileUpstream(
  'executor',
  {
    open: async (tool, options) => ({
      call: (args) => runTool(tool, args, options),
      close: async () => undefined,
    }),
  },
  targets,
);
