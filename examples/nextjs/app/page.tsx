import { headers } from 'next/headers';
import { handlerOptionsFromEnv } from '@chilipiper-mcp/serverless';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto =
    h.get('x-forwarded-proto') ??
    (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  const url = `${proto}://${host}/mcp`;
  const mode = handlerOptionsFromEnv(process.env).credentials.mode;
  const bearer = mode === 'caller-key' ? '<your Chili Piper API key>' : '<one of MCP_HTTP_TOKENS>';
  return (
    <main>
      <h1>Chili Piper MCP server</h1>
      <p>
        This app serves the Chili Piper MCP tools over Streamable HTTP (stateless, JSON responses) at{' '}
        <code>{url}</code>.
      </p>
      <h2>Credential mode: {mode}</h2>
      {mode === 'caller-key' ? (
        <p>
          Every caller sends its <strong>own</strong> Chili Piper API key, and that key is forwarded to the
          Chili Piper Edge API for that request only. This deployment stores no Chili Piper key.
        </p>
      ) : (
        <p>
          This deployment holds one Chili Piper API key (<code>CHILI_PIPER_API_KEY</code>) and uses it for
          every request. Callers authenticate with one of the bearer tokens in <code>MCP_HTTP_TOKENS</code>.
        </p>
      )}
      <h2>Connect</h2>
      <p>Send this header with every request:</p>
      <pre>Authorization: Bearer {bearer}</pre>
      <p>Claude Code:</p>
      <pre>{`claude mcp add --transport http chilipiper ${url} --header "Authorization: Bearer ${bearer}"`}</pre>
      <p>Claude Desktop (through mcp-remote):</p>
      <pre>
        {JSON.stringify(
          {
            mcpServers: {
              chilipiper: {
                command: 'npx',
                args: ['-y', 'mcp-remote', url, '--header', 'Authorization:${AUTH_HEADER}'],
                env: { AUTH_HEADER: `Bearer ${bearer}` },
              },
            },
          },
          null,
          2,
        )}
      </pre>
      <p>
        <code>GET</code> and <code>DELETE</code> on <code>/mcp</code> answer 405: the server keeps no
        sessions.
      </p>
    </main>
  );
}
