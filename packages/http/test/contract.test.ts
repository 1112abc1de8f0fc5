import { describeTransportContract } from '@chilipiper-mcp/test-utils';
import { serve } from '../src/index.js';
import { connectClient, TOKEN } from './helpers.js';

describeTransportContract('http (node)', {
  async connect(upstream) {
    const running = await serve({
      port: 0,
      baseUrl: upstream.url,
      credentials: { mode: 'server-key', apiKey: upstream.apiKey, tokens: [TOKEN] },
    });
    const client = await connectClient(running.url, TOKEN);
    return { client, close: async () => (await client.close(), await running.close()) };
  },
});
