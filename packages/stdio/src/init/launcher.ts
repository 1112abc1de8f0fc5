import { PACKAGE_NAME } from './checkout.js';
import type { ClientId, InitContext } from './types.js';

/** The command a config entry runs: this checkout's build, or the published package through npx. */
export interface Launcher {
  readonly kind: 'checkout' | 'npx';
  /** The command line as a user would type it (for messages). */
  readonly shown: string;
  /** One line for the user saying which command was written. */
  readonly note: string;
  /** The entry's command and arguments, followed by the server's own arguments. */
  entry(
    client: ClientId,
    platform: NodeJS.Platform,
    serverArgs: string[],
  ): { command: string; args: string[] };
}

const quoted = (path: string) => (/[\s"'$`\\]/.test(path) ? JSON.stringify(path) : path);

/**
 * Picks the command: `node <checkout>/packages/stdio/dist/cli.js` when `init` runs from a checkout (the
 * packages need not be published for that), else `npx -y @chilipiper-mcp/stdio`; `npx` forces the latter.
 */
export function launcherFor(ctx: InitContext, npx: boolean): Launcher {
  const cli = ctx.checkoutCli;
  if (cli && !npx) {
    return {
      kind: 'checkout',
      shown: `node ${quoted(cli)}`,
      note: `The entry runs this checkout's build: node ${quoted(cli)}. Keep the checkout where it is and rebuild after pulling (npx -y pnpm@10 build). Once ${PACKAGE_NAME} is on npm, --npx writes \`npx -y ${PACKAGE_NAME}\` instead.`,
      entry: (_client, _platform, serverArgs) => ({ command: 'node', args: [cli, ...serverArgs] }),
    };
  }
  return {
    kind: 'npx',
    shown: `npx -y ${PACKAGE_NAME}`,
    note: cli
      ? `The entry runs \`npx -y ${PACKAGE_NAME}\`, which works once the package is published on npm; without --npx, init writes this checkout's build instead.`
      : `The entry runs \`npx -y ${PACKAGE_NAME}\` (npm fetches the package on first start).`,
    entry: (client, platform, serverArgs) => {
      const args = ['-y', PACKAGE_NAME, ...serverArgs];
      // Claude Code on native Windows cannot start the npx.cmd shim directly.
      return platform === 'win32' && client === 'claude-code'
        ? { command: 'cmd', args: ['/c', 'npx', ...args] }
        : { command: 'npx', args };
    },
  };
}
