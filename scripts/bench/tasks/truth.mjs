// Ground truth read from the sandbox's in-process state (`sandbox.tenant('acme')`), never shown to the tasks'
// `run`: only their `setup` (which picks the inputs a user would give and the expected answer) and `verify`.

/** Records of a tenant map as an array. */
export const values = (map) => [...map.values()];

/** The one record of a map whose `name` is exactly `name` (throws when absent: the seed changed). */
export function named(map, name) {
  const found = values(map).find((x) => x.name === name);
  if (!found) throw new Error(`ground truth: nothing named "${name}" in the sandbox seed`);
  return found;
}

/** A meeting's status as the API reports it: an Active meeting that has ended is Completed. */
export const statusAt = (meeting, now) =>
  meeting.status === 'Active' && meeting.end <= now ? 'Completed' : meeting.status;

/** Meetings starting in [from, to). */
export const meetingsIn = (tenant, from, to) => tenant.meetings.range(from, to);

/** Rules that are not (soft-)deleted. */
export const liveRules = (tenant) => values(tenant.rules).filter((r) => !r.deletedAt);

/** The names of the given user ids, sorted. */
export const namesOf = (tenant, ids) => ids.map((id) => tenant.users.get(id)?.name ?? `?${id}`).sort();

/** Sorted copy. */
export const sorted = (xs) => [...xs].sort();
