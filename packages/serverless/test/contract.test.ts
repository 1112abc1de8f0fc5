import { describeTransportContract } from '@chilipiper-mcp/test-utils';
import { createFetchHandler } from '../src/index.js';
import { connectInProcess, serverKey, TOKEN } from './helpers.js';

describeTransportContract('serverless (server-key)', {
  connect: async (upstream) => connectInProcess(createFetchHandler(serverKey(upstream)), TOKEN),
});

describeTransportContract('serverless (caller-key)', {
  connect: async (upstream) =>
    connectInProcess(
      createFetchHandler({ baseUrl: upstream.url, credentials: { mode: 'caller-key' } }),
      upstream.apiKey,
    ),
});
