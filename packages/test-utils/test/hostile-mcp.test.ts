// Issue #9: the hostile-upstream suite over every tool, through an MCP server on the undici keep-alive client (what
// the Node entry uses) and the SDK's client over an in-memory transport.
import { createChiliPiperServer } from '@chilipiper-mcp/core';
import { createNodeFetch } from '@chilipiper-mcp/core/node';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll } from 'vitest';
import { describeHostileUpstream, type HostileResult } from '../src/index.js';
import { catalogTargets } from './helpers.js';

const http = createNodeFetch({ connections: 256 });
afterAll(() => http.close());

/** `base` with the properties of `extra` copied as they are, getters included (a spread would call them once). */
function withGetters<A extends object, B extends object>(base: A, extra: B): A & B {
  return Object.defineProperties(base, Object.getOwnPropertyDescriptors(extra)) as A & B;
}

describeHostileUpstream(
  'MCP server',
  {
    open: async (tool, options) => {
      // The suite's options keep their getters: the timeouts change between faults.
      const server = createChiliPiperServer(
        withGetters({ include: [tool.name], fetch: http.fetch }, options),
      );
      const client = new Client({ name: 'hostile', version: '1.0.0' });
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
      return {
        call: async (args) => (await client.callTool({ name: tool.name, arguments: args })) as HostileResult,
        close: async () => {
          await client.close();
          await server.close();
        },
      };
    },
  },
  catalogTargets(),
);
