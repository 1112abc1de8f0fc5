import { ConfigError } from './config-error.js';
import { TOOL_GROUPS, type AnyTool, type ToolGroup } from './tool.js';

/** Which tools a server or client exposes. Names and group names may be mixed. */
export interface ToolFilter {
  /** Only these tools or groups (default: all). */
  readonly include?: readonly string[] | undefined;
  /** Never these tools or groups. */
  readonly exclude?: readonly string[] | undefined;
  /** Expose only tools whose safety kind is `read`. */
  readonly readOnly?: boolean | undefined;
}

/** The names in `patterns` that are neither a tool of `tools` nor a group. */
export function unknownNames(tools: readonly AnyTool[], patterns: readonly string[]): string[] {
  const names = new Set(tools.map((t) => t.name));
  return patterns.filter((p) => !names.has(p) && !TOOL_GROUPS.includes(p as ToolGroup));
}

function matcher(tools: readonly AnyTool[], patterns: readonly string[], option: 'include' | 'exclude') {
  const unknown = unknownNames(tools, patterns);
  if (unknown.length > 0) {
    throw new ConfigError(
      `${option}: unknown tool or group ${unknown.map((u) => `"${u}"`).join(', ')} (groups: ${TOOL_GROUPS.join(', ')}).`,
      option,
    );
  }
  const set = new Set(patterns);
  return (tool: AnyTool) => set.has(tool.name) || set.has(tool.group);
}

/**
 * Applies include/exclude/read-only to a catalog. An opt-in tool (`tool.optIn`) is selected only when `include`
 * names it. Throws a {@link ConfigError} when a name is unknown or
 * when the filter leaves no tool at all, so a typo fails at start-up instead of serving nothing.
 */
export function selectTools(tools: readonly AnyTool[], filter: ToolFilter = {}): AnyTool[] {
  const include = filter.include?.length ? matcher(tools, filter.include, 'include') : () => true;
  const exclude = filter.exclude?.length ? matcher(tools, filter.exclude, 'exclude') : () => false;
  const named = new Set(filter.include ?? []);
  const selected = tools.filter(
    (t) =>
      include(t) &&
      !exclude(t) &&
      (!t.optIn || named.has(t.name)) &&
      (!filter.readOnly || t.safety.kind === 'read'),
  );
  if (selected.length === 0) {
    throw new ConfigError(
      `The tool filter matches no tool (include: ${JSON.stringify(filter.include ?? [])}, exclude: ${JSON.stringify(
        filter.exclude ?? [],
      )}, readOnly: ${Boolean(filter.readOnly)}).`,
      'filter',
    );
  }
  return selected;
}

/** Why a tool of the catalog is not among the selected ones, in words for the model. */
export function whyHidden(tool: AnyTool, filter: ToolFilter): string {
  if (tool.optIn && !filter.include?.includes(tool.name)) {
    return `is not enabled: it is opt-in (start the server with ${tool.name} in its tool list, e.g. CHILI_PIPER_TOOLS)`;
  }
  if (filter.readOnly && tool.safety.kind !== 'read') {
    return `is disabled: this server is in read-only mode and ${tool.name} changes data`;
  }
  return 'is not enabled on this server (its tool filter leaves it out)';
}
