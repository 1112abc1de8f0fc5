import { TOOL_GROUPS, type AnyTool, type ToolGroup } from './tool.js';

/** Which tools a server exposes. Names and group names may be mixed. */
export interface ToolFilter {
  /** Only these tools or groups (default: all). */
  readonly include?: readonly string[] | undefined;
  /** Never these tools or groups. */
  readonly exclude?: readonly string[] | undefined;
  /** Expose only tools whose safety kind is `read`. */
  readonly readOnly?: boolean | undefined;
}

/** A configuration mistake, raised when the server is created (never at call time). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function matcher(tools: readonly AnyTool[], patterns: readonly string[], option: string) {
  const names = new Set(tools.map((t) => t.name));
  const unknown = patterns.filter((p) => !names.has(p) && !TOOL_GROUPS.includes(p as ToolGroup));
  if (unknown.length > 0) {
    throw new ConfigError(
      `${option}: unknown tool or group ${unknown.map((u) => `"${u}"`).join(', ')}. Groups: ${TOOL_GROUPS.join(', ')}.`,
    );
  }
  const set = new Set(patterns);
  return (tool: AnyTool) => set.has(tool.name) || set.has(tool.group);
}

/**
 * Applies include/exclude/read-only to a catalog. Throws a {@link ConfigError} when a name is unknown or
 * when the filter leaves no tool at all, so a typo fails at start-up instead of serving nothing.
 */
export function selectTools(tools: readonly AnyTool[], filter: ToolFilter = {}): AnyTool[] {
  const include = filter.include?.length ? matcher(tools, filter.include, 'include') : () => true;
  const exclude = filter.exclude?.length ? matcher(tools, filter.exclude, 'exclude') : () => false;
  const selected = tools.filter(
    (t) => include(t) && !exclude(t) && (!filter.readOnly || t.safety.kind === 'read'),
  );
  if (selected.length === 0) {
    throw new ConfigError(
      `The tool filter matches no tool (include: ${JSON.stringify(filter.include ?? [])}, exclude: ${JSON.stringify(
        filter.exclude ?? [],
      )}, readOnly: ${Boolean(filter.readOnly)}).`,
    );
  }
  return selected;
}

/** Parses a comma-separated list from an env var or flag (`"meetings, rule-get"` → `["meetings", "rule-get"]`). */
export function parseList(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}
