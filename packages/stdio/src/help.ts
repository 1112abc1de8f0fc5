/** `--help` text of each command. */
export const HELP: Record<string, string> = {
  main: `chilipiper-mcp: the Chili Piper MCP tools over stdio, for Codex, Claude Code, Gemini CLI, opencode, Cursor
and Claude Desktop.

Usage:
  chilipiper-mcp [serve] [options]      serve the tools over stdio (what MCP clients run)
  chilipiper-mcp init <client> [...]    add this server to a client's config (see init --help)
  chilipiper-mcp doctor [options]       check Node, the key, the tenant and which tools the key can call
  chilipiper-mcp tools [--json]         list the tools by group, with safety class and a one-line description
  chilipiper-mcp call <tool> --args '{}'  run one tool from a shell and print its result
  chilipiper-mcp call <tool> --help     show a tool's description, safety, permission and inputs

Run "chilipiper-mcp <command> --help" for the options of a command.
`,
  serve: `Usage: chilipiper-mcp [serve] [options]

Serves the Chili Piper tools over stdio. stdout carries JSON-RPC only; logs go to stderr.

Options (environment variable in brackets; a flag wins over its variable):
  --api-key <key>          [CHILI_PIPER_API_KEY] Edge API token. Prefer the variable: flags show in \`ps\`.
  --base-url <url>         [CHILI_PIPER_BASE_URL] default https://fire.chilipiper.com/api/fire-edge
  --tools <list>           [CHILI_PIPER_TOOLS] only these tools or groups (comma-separated)
  --exclude-tools <list>   [CHILI_PIPER_EXCLUDE_TOOLS] never these tools or groups
  --read-only              [CHILI_PIPER_READ_ONLY=true] only tools that change nothing (--no-read-only: all)
  --confirm <policy>       [CHILI_PIPER_CONFIRM] none (default: the client asks before each call) |
                           destructive (destructive tools answer a preview first and act only when called
                           again with its token, or when you confirm the client's question)
  --code-mode              [CHILI_PIPER_CODE_MODE=true] two tools, search and execute, instead of the catalog:
                           the model runs JavaScript that calls the tools (docs/code-mode.md)
  --log-level <level>      [CHILI_PIPER_LOG_LEVEL] error | warn | info (default) | debug
  --sandbox                use a built-in emulator with demo data instead of your account
  -h, --help               show this help
`,
  init: `Usage: chilipiper-mcp init <client> [options]

Clients: codex, claude-code, gemini, opencode, cursor, claude-desktop.

Adds a "chili-piper" server to the client's config. Run from a checkout of chilipiper-mcp, the entry runs
that checkout's build (node <checkout>/packages/stdio/dist/cli.js); otherwise, or with --npx, it runs
\`npx -y @chilipiper-mcp/stdio\`. Other servers and settings are kept, the previous file is saved as
<file>.bak-<timestamp>, and running it twice changes nothing. By default the entry reads the key from
CHILI_PIPER_API_KEY (Claude Desktop: see --api-key).

Options:
  --print                  print the config instead of writing it
  --name <name>            server name (default chili-piper)
  --path <file>            config file to edit (default: the client's usual file)
  --scope project|user     project (default) or user; codex: user (default); claude-desktop: user
  --npx                    run \`npx -y @chilipiper-mcp/stdio\` even from a checkout
  --read-only              the server exposes only tools that change nothing
  --tools <list>           only these tools or groups
  --exclude-tools <list>   never these tools or groups
  --base-url <url>         write CHILI_PIPER_BASE_URL into the entry
  --api-key <key>          write this key into the file instead of referring to the variable
  --sandbox                the entry runs the sandbox (demo data, no key)
`,
  doctor: `Usage: chilipiper-mcp doctor [options]

Checks the Node.js version, the API key (missing; a "Bearer " prefix, quotes or whitespace are cleaned with a
warning), that the base URL answers, that the key is accepted and which tenant it belongs to. Then it checks
each permission the selected tools need with a call that changes nothing (a small read, or a call on an id
that cannot exist, where 403 means missing and 404 means granted) and names the tools the key cannot call.
A few permissions have no such call (creating users or rules, changing licenses or a whole rule): those are
listed as not checked.

One line per check: ✓ passed, ✗ failed (with the fix), ! warning, ? not determined. Exit code 0 when nothing
failed, 1 otherwise. Takes the same options and variables as serve (--api-key, --base-url, --tools,
--exclude-tools, --read-only, --sandbox).
`,
  tools: `Usage: chilipiper-mcp tools [--json] [--tools <list>] [--exclude-tools <list>] [--read-only]

Lists the tools the server would expose, by group, with safety class (read, write, destructive) and the first
sentence of each description. --json adds the permission each needs and the whole description. Needs no key.
chilipiper-mcp call <tool> --help shows the inputs of one tool.
`,
  call: `Usage: chilipiper-mcp call <tool> [--args '<json>'] [options]
       chilipiper-mcp call <tool> --help

Runs one tool against the Edge API (without MCP) and prints the result on stdout. On an error result the
message goes to stderr and the exit code is 1. Takes the same options and variables as serve.
With --help after a tool name, shows that tool's description, safety, permission and inputs.

Example: CHILI_PIPER_API_KEY=… chilipiper-mcp call user-find --args '{"query":"ada"}'
`,
};
