/** API keys and permission sets. Keys are opaque bearer strings; each belongs to one tenant. */

/** Every permission the sandbox checks (X-Chili-Required-Permissions values, plus inferred ones, see docs). */
export const ALL_PERMISSIONS = [
  'api.ping',
  'tenant.read',
  'user.read',
  'user.create',
  'licenses.modify',
  'workspace.read',
  'workspace.modify',
  'team.read',
  'team.modify',
  'team.remove',
  'distribution.read',
  'distribution.modify',
  'distribution.remove',
  'rule.read',
  'rule.create',
  'rule.modify',
  'rule.remove',
  'assignment-table.read',
  'meeting.read',
  'meeting.modify',
  'meeting-type.read',
  'scheduling-links.read',
  'scheduling-links.schedule',
  'availability.read',
  'handoff.schedule',
  'concierge.read',
  'concierge.route',
  'concierge.schedule',
  'logs.read',
  'distro.read',
  'distro.modify',
  'crm.read',
  'crm.modify',
] as const;

export interface ApiKey {
  /** Public identifier used in the request log (never the secret). */
  id: string;
  label: string;
  secret: string;
  tenantId: string;
  permissions: 'all' | ReadonlySet<string>;
}

/** The fixed demo key of the Acme Corp org (printed by the CLI). Obviously fake. */
export const DEMO_KEY = 'sandbox_acme_demo_key_not_a_real_secret';
/** A read-only key of Acme Corp (every `*.read` permission plus `api.ping`). */
export const DEMO_READONLY_KEY = 'sandbox_acme_readonly_key_not_a_real_secret';
/** The fixed key of the second tenant, Globex Corporation. */
export const GLOBEX_KEY = 'sandbox_globex_demo_key_not_a_real_secret';

/** Read-only permission set. */
export const READ_PERMISSIONS: string[] = ALL_PERMISSIONS.filter(
  (p) => p.endsWith('.read') || p === 'api.ping',
);

/** Returns the first permission of `required` that the key lacks, or undefined when all are granted. */
export function missingPermission(key: ApiKey, required: readonly string[]): string | undefined {
  if (key.permissions === 'all') return undefined;
  const granted = key.permissions;
  return required.find((p) => !granted.has(p));
}

/** Extracts the bearer token: only `Authorization: Bearer <key>` is accepted (case-insensitive scheme). */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}
