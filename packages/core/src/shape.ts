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
