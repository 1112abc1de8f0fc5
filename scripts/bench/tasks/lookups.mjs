// How a model turns the names a person gives into ids: a search tool, then an exact match on the name.
import { listAll } from './harness.mjs';
import * as shape from './shapes.mjs';

/** A user by full name, through user-find. */
export async function findUser(call, name) {
  const users = await listAll(call, 'user-find', { query: name }, shape.list);
  return users.map(shape.user).find((u) => u.name === name);
}

/** A team by its exact name, through team-list-put's name filter. */
export async function findTeam(call, name) {
  const teams = await listAll(call, 'team-list-put', { name }, shape.list);
  return teams.map(shape.team).find((t) => t.name === name);
}

/** A workspace by its exact name, through workspace-list. */
export async function findWorkspace(call, name) {
  const workspaces = await listAll(call, 'workspace-list', {}, shape.list);
  return workspaces.map(shape.workspace).find((w) => w.name === name);
}

/** A routing rule by its exact name, through rule-list's name filter. */
export async function findRule(call, name) {
  const rules = await listAll(call, 'rule-list', { filter: { name } }, shape.list);
  return rules.map(shape.rule).find((r) => r.name === name);
}
