// Tasks about meetings: lists over time windows, exports, cancelling. See index.mjs for the task format.
import { all, DAY, iso, listAll, same, sameSet, ALL, js } from './harness.mjs';
import * as shape from './shapes.mjs';
import { meetingsIn, named, sorted, statusAt } from './truth.mjs';

export const cancelHostTomorrow = {
  id: 'cancel-host-tomorrow',
  title: "Cancel all of Bruno Haddad's meetings tomorrow",
  setup: (t, clock) => {
    const host = named(t.users, 'Bruno Haddad');
    const mine = meetingsIn(t, clock.tomorrow, clock.tomorrow + DAY).filter(
      (m) => m.hostId === host.id && statusAt(m, clock.now) === 'Active',
    );
    return { input: { host: host.name }, expected: sorted(mine.map((m) => m.id)) };
  },
  run: async (call, { host }, clock) => {
    const users = await listAll(call, 'user-find', { query: host }, shape.list);
    const hostId = users.map(shape.user).find((u) => u.name === host).id;
    const args = {
      start: iso(clock.tomorrow),
      end: iso(clock.tomorrow + DAY),
      hostIds: [hostId],
      status: ['Active'],
    };
    const meetings = (await listAll(call, 'meeting-list-put', args, shape.list)).map(shape.listedMeeting);
    const results = [];
    for (const m of meetings)
      results.push(shape.actedMeeting(await call('meeting-cancel', { meetingId: m.id })));
    // Report only what the answers confirm (CANCELLED today; Canceled would do too).
    return sorted(results.filter((r) => /^cancel/i.test(r.status ?? '')).map((r) => r.id));
  },
  verify: (answer, expected, t) =>
    all(
      same(answer, expected),
      expected.every((id) => t.meetings.byId.get(id)?.status === 'Canceled') ||
        'a meeting is not canceled in the sandbox',
    ),
  code: {
    search: ['find user by name', 'cancel meetings'],
    script: ({ host }, clock) => `${ALL}
const user = (await all(cp.userFind, { query: ${js(host)} })).find((u) => u.name === ${js(host)});
const meetings = await all(cp.meetingListPut, {
  start: ${js(iso(clock.tomorrow))},
  end: ${js(iso(clock.tomorrow + DAY))},
  hostIds: [user.id],
  status: ['Active'],
});
const cancelled = [];
for (const m of meetings) {
  const result = await cp.meetingCancel({ meetingId: m.meetingId });
  if (/^cancel/i.test(result.meetingStatus ?? '')) cancelled.push(result.meetingId);
}
return cancelled.sort();`,
  },
};

export const noShowsLastWeek = {
  id: 'noshows-last-week',
  title: "Count last week's no-shows",
  setup: (t, clock) => {
    const week = meetingsIn(t, clock.lastWeek.start, clock.lastWeek.end);
    return { input: {}, expected: week.filter((m) => statusAt(m, clock.now) === 'NoShow').length };
  },
  run: async (call, _input, clock) => {
    const args = { start: iso(clock.lastWeek.start), end: iso(clock.lastWeek.end), status: ['NoShow'] };
    const meetings = await listAll(call, 'meeting-list-put', args, shape.list);
    return new Set(meetings.map((m) => shape.listedMeeting(m).id)).size;
  },
  code: {
    search: ['count no-shows last week'],
    script: (_input, clock) => `const ids = new Set();
let cursor;
do {
  const page = await cp.meetingListPut({
    start: ${js(iso(clock.lastWeek.start))},
    end: ${js(iso(clock.lastWeek.end))},
    status: ['NoShow'],
    cursor,
  });
  for (const m of page.results) ids.add(m.meetingId);
  cursor = page.nextCursor;
} while (cursor);
return ids.size;`,
  },
};

export const export30Days = {
  id: 'export-30-days',
  title: 'Export the last 30 days of meetings as CSV',
  setup: (t, clock) => ({
    input: { days: 30 },
    expected: meetingsIn(t, clock.now - 30 * DAY, clock.now).map((m) => m.id),
  }),
  // One call over the whole range (the server splits it). A CSV over the result budget comes as a summary and
  // a resource link: the model reports the row count and hands the link on; the complete CSV is read with
  // resources/read (by the application, for the user: counted apart, not in the model's context).
  run: async (call, { days }, clock) => {
    const args = { start: iso(clock.now - days * DAY), end: iso(clock.now) };
    const answer = shape.exportAnswer(await call('meeting-export-v2-put', args));
    if (answer.cut) throw new Error('the export was cut and gave no link to the rest');
    if (!answer.link) return { rowCount: answer.rows.length, ids: answer.rows.map((r) => r.id) };
    const csv = shape.csvRows(await call.read(answer.link));
    return { rowCount: answer.rowCount, ids: csv.rows.map((r) => r.id) };
  },
  verify: (answer, expected) =>
    all(
      sameSet(answer.ids, expected, 'rows'),
      answer.ids.length === expected.length || `${answer.ids.length} rows with duplicates`,
      answer.rowCount === expected.length ||
        `the summary says ${answer.rowCount} rows, expected ${expected.length}`,
    ),
  // In code mode the CSV stays in the script, which returns what a person asked about it: the rows and the
  // distinct meetings, checked against the ids by count. Bringing the CSV itself to the model costs what
  // normal mode costs.
  code: {
    search: ['export meetings csv'],
    script: ({ days }, clock) => `const { text } = await cp.meetingExportV2Put({
  start: ${js(iso(clock.now - days * DAY))},
  end: ${js(iso(clock.now))},
});
const [header, ...rows] = text.trim().split('\\n');
const id = header.split(',').indexOf('Meeting ID');
return { rows: rows.length, meetings: new Set(rows.map((r) => r.split(',')[id])).size };`,
    verify: (answer, expected) => same(answer, { rows: expected.length, meetings: new Set(expected).size }),
  },
};

export const nextMeetingWithGuest = {
  id: 'next-meeting-with-guest',
  title: 'When is our next meeting with a given guest, and with whom?',
  setup: (t, clock) => {
    const upcoming = meetingsIn(t, clock.now + 2 * DAY, clock.now + 7 * DAY).filter(
      (m) => m.status === 'Active',
    );
    const guestEmail = upcoming[0].guestEmail;
    const next = meetingsIn(t, clock.now, clock.now + 7 * DAY).find(
      (m) => m.guestEmail === guestEmail && statusAt(m, clock.now) === 'Active',
    );
    return {
      input: { guestEmail },
      expected: { start: iso(next.start), host: t.users.get(next.hostId).name },
    };
  },
  run: async (call, { guestEmail }, clock) => {
    const args = { start: iso(clock.now), end: iso(clock.now + 7 * DAY), guestEmail, status: ['Active'] };
    const meetings = (await listAll(call, 'meeting-list-put', args, shape.list)).map(shape.listedMeeting);
    const next = meetings.sort((a, b) => a.start.localeCompare(b.start))[0];
    return { start: next.start, host: next.hostName };
  },
  code: {
    search: ['meetings with a guest'],
    script: ({ guestEmail }, clock) => `${ALL}
const meetings = await all(cp.meetingListPut, {
  start: ${js(iso(clock.now))},
  end: ${js(iso(clock.now + 7 * DAY))},
  guestEmail: ${js(guestEmail)},
  status: ['Active'],
});
const next = meetings.sort((a, b) => a.dateTime.start.localeCompare(b.dateTime.start))[0];
return { start: next.dateTime.start, host: next.hostName };`,
  },
};

export const crmMeetingStatus = {
  id: 'crm-meeting-status',
  title: 'What happened to the meeting behind a Salesforce event id?',
  setup: (t, clock) => {
    const m = meetingsIn(t, clock.today - 10 * DAY, clock.today).find(
      (x) => x.crmEventId && x.status === 'NoShow',
    );
    return {
      input: { crmEventId: m.crmEventId },
      expected: { status: statusAt(m, clock.now), start: iso(m.start) },
    };
  },
  run: async (call, { crmEventId }) => {
    const m = shape.meetingRecord(await call('crm-get', { crmEventId }));
    return { status: m.status, start: m.start };
  },
  code: {
    search: ['meeting by salesforce event id'],
    script: ({ crmEventId }) => `const m = await cp.crmGet({ crmEventId: ${js(crmEventId)} });
return { status: m.meetingStatus, start: m.dateTime.start };`,
  },
};
