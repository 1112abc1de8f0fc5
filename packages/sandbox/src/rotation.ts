import type { Tenant } from './store.js';
import type { Distribution } from './types.js';

/** Active members of a distribution's team in round-robin order (fewest weighted assignments first). */
export function rotation(t: Tenant, d: Distribution): string[] {
  const members = t.teams.get(d.teamId)?.members ?? [];
  const caps = new Map((d.capping?.userCaps ?? []).map((c) => [c.userId, c.limit]));
  const score = (id: string): number => {
    const assigned = d.stats[id]?.assigned ?? 0;
    const cal = d.manualCalibration.find((c) => c.userId === id)?.calibration ?? 0;
    const weight = d.weights.find((w) => w.userId === id)?.weight ?? 100;
    return (assigned + cal) / Math.max(1, weight);
  };
  return members
    .filter(
      (id) =>
        !d.disabled[id] &&
        (caps.get(id) ?? Infinity) > (d.stats[id]?.assigned ?? 0) &&
        (d.weights.find((w) => w.userId === id)?.weight ?? 100) > 0,
    )
    .sort((a, b) => score(a) - score(b) || a.localeCompare(b));
}
