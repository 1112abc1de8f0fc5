import { getPath } from './get-path.js';
import type { AnyTool } from './tool.js';
import { denoise, keepPaths, omitPaths } from './view.js';

/** The caller's `fields` input: `"all"`, chosen dotted paths, or nothing (the compact default). */
export type FieldsChoice = 'all' | readonly string[] | undefined;

/** One list item as the result holds it: the tool's compact form, the caller's fields, or everything. */
export function shapeItem(tool: AnyTool, item: unknown, fields: FieldsChoice): unknown {
  if (fields === 'all') return item;
  if (fields) return keepPaths(item, fields);
  const view = tool.view;
  if (view?.keep) return keepPaths(item, view.keep);
  return denoise(view?.omit ? omitPaths(item, view.omit) : item);
}

/**
 * A record result (not a list): unwrapped from its envelope (`view.record`, e.g. `data`) and shaped like a list
 * item. Tools without a view return the answer with audit noise dropped, unless `fields` is `"all"`.
 */
export function shapeRecord(tool: AnyTool, data: unknown, fields: FieldsChoice): unknown {
  const record = tool.view?.record ? (getPath(data, tool.view.record) ?? data) : data;
  return shapeItem(tool, record, fields);
}

/**
 * The requested `fields` paths that no item (or record) has, with a note naming them and the top-level
 * fields there are, so a misspelt path is not a silent empty result. Undefined when every path was found.
 */
export function missingFieldsNote(raw: readonly unknown[], fields: FieldsChoice): string | undefined {
  if (!Array.isArray(fields) || raw.length === 0) return undefined;
  const found = (path: string) => raw.some((item) => JSON.stringify(keepPaths(item, [path])) !== '{}');
  const missing = fields.filter((path) => !found(path));
  if (missing.length === 0) return undefined;
  const top = [
    ...new Set(raw.flatMap((item) => (item && typeof item === 'object' ? Object.keys(item) : []))),
  ];
  return `fields: nothing has ${missing.map((m) => `"${m}"`).join(', ')}; the fields are: ${top.join(', ')}.`;
}
