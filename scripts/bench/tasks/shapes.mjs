// Every place a task reads a tool result goes through one accessor here, one per result shape, each
// returning only the fields some task uses. When a tool's result shape changes (compact records, a
// continuation cursor), adapt the accessor, not the tasks. The fields read here are the ones compact results
// must keep. Nested reads use `?.`, so a field one task needs and another does not cannot break the other;
// a task that needs a missing field gets undefined and fails its verdict.

/** Whether a result was cut to fit the size budget (a `truncated` note, or a "[Result cut at" text note). */
export function wasCut(result) {
  if (typeof result === 'string') return result.includes('[Result cut at');
  return result !== null && typeof result === 'object' && 'truncated' in result;
}

/**
 * Lists ({results, total?, nextCursor?}): every list tool. `next` is the continuation a careful model follows:
 * the same arguments with `cursor: nextCursor` while a cursor comes back.
 */
export const pagedList = {
  items: (r) => r.results,
  next: (r, args) => (r.nextCursor ? { ...args, cursor: r.nextCursor } : undefined),
};

/** meeting-list-put: a list like the others. */
export const meetingList = pagedList;

/** A user profile (user-find, user-find-by-ids, user-read, and user-invite's answer). */
export const user = (u) => ({ id: u.id, name: u.name, email: u.email, licenses: u.licenses });

/** A workspace (workspace-list item). */
export const workspace = (w) => ({ id: w.id, name: w.name });

/** A team (team-list-put item, and team-add-users' answer). */
export const team = (t) => ({ id: t.id, name: t.name, workspaceId: t.workspaceId, members: t.members });

/** A distribution (distribution-list-put item, and distribution-adjust-v3's answer). */
export const distribution = (d) => ({
  id: d.id,
  name: d.published?.name,
  teamId: d.published?.teamRef?.id,
  weights: d.published?.weights,
  states: d.state?.userStates?.map((s) => ({ userId: s.userId, type: s.type })),
});

/** A routing rule (rule-list item, rule-get, and rule-modify's answer). */
export const rule = (r) => ({
  id: r.id,
  name: r.name,
  conditions: r.conditions,
  revision: r.metadata?.revision,
});

/** A meeting as meeting-list-put lists it. */
export const listedMeeting = (m) => ({
  id: m.meetingId,
  start: m.dateTime?.start,
  hostName: m.hostName,
});

/** One meeting record (meeting-get, crm-get: the record itself, or the API's {data, hasMore}). */
export const meetingRecord = (r) => ({
  status: (r.data ?? r).meetingStatus,
  start: (r.data ?? r).dateTime?.start,
});

/** The answer of meeting-cancel / meeting-noshow (the updated meeting). */
export const actedMeeting = (r) => ({ id: r.meetingId, status: r.meetingStatus });

/** meeting-export-v2-put's CSV text: each row's Meeting ID and Start, and whether the text was cut. */
export function csvExport(text) {
  const lines = text.split(/\r?\n/).filter((line) => line !== '' && !line.startsWith('[Result cut at'));
  const header = csvCells(lines[0] ?? '');
  const id = header.indexOf('Meeting ID');
  const start = header.indexOf('Start');
  const rows = lines.slice(1).map(csvCells);
  return { rows: rows.map((cells) => ({ id: cells[id], start: cells[start] })), cut: wasCut(text) };
}

/** The cells of one RFC 4180 CSV line (quoted cells may hold commas and doubled quotes). */
function csvCells(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** The links of any scheduling-link-list tool (a list of links). */
export const links = (r) =>
  (r.results ?? r.links).map((l) => ({
    slug: l.slug,
    name: l.name,
    bookingUrl: l.bookingUrl,
    meetingTypeName: l.meetingTypeName,
  }));

/** scheduling-link-init's session: routeId and the offered start times. */
export const linkSession = (r) => ({ routeId: r.routeId, startTimes: r.startTimes.map((s) => s.startTime) });

/** The answer of scheduling-link-schedule / concierge-schedule ({type, meetingId | reason}). */
export const booking = (r) => ({ ok: r.type === 'Success', meetingId: r.meetingId, reason: r.reason });

/**
 * concierge-list-routers (a list of {router, workspaceId}), with the rule ids each router's routing uses (the
 * compact list leaves `router.routing` out: ask for it with `fields`).
 */
export const routers = (r) =>
  (r.results ?? r.routers).map((x) => ({
    id: x.router?.id,
    slug: x.router?.slug,
    workspaceId: x.workspaceId,
    ruleIds: (x.router?.routing?.rules ?? []).flatMap((rule) => rule.ruleIds ?? [rule.id]),
  }));

/** One concierge-logs entry: whose lead, who got it, and through which route. */
export const logEntry = (e) => ({
  guestEmail: e.guestEmail,
  assigneeId: e.assignments?.[0]?.userId,
  route: e.matchedPath?.route?.type,
});

/** One availability-slots item. */
export const slotStart = (s) => s.startTime;

/** handoff-init's session: routingId, and per router its paths with their start times. */
export const handoffSession = (r) => ({
  routingId: r.routingId,
  routers: r.routers.map((x) => ({
    routerId: x.routerId,
    paths: x.pathResults.map((p) => ({
      pathId: p.pathId,
      startTimes: (p.startTimes ?? []).map((s) => s.startTime),
    })),
  })),
});

/** handoff-schedule's answer. */
export const handoffBooking = (r) => ({
  ok: r.scheduleMeetingResult?.type === 'Success',
  meetingId: r.scheduleMeetingResult?.meetingId,
});
