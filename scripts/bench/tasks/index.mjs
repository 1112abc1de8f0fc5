// The task set, in the order it runs and prints: first the ten tasks named in issues #11 and #12, then
// other everyday RevOps questions. Every task starts from a freshly reset sandbox and is an object:
//
//   id, title                       what a person asks
//   setup(tenant, clock)            -> {input, expected}: the names/emails the person gives, and the true answer,
//                                      both read from the sandbox state (tenant = sandbox.tenant('acme'))
//   run(call, input, clock)         -> answer: the calls a careful model makes; every id comes from an earlier
//                                      result, and every result field is read through shapes.mjs
//   verify(answer, expected, tenant) -> true | why not (default: equal as JSON); may re-read the state after
//                                      a write
//
// `call(name, args)` returns the parsed result text (a `Linked` {text, links} when the result carries resource
// links) and `call.read(uri)` reads a link (see harness.mjs); `clock` is {now, today, tomorrow, lastWeek} in UTC ms.
import * as d from './distributions.mjs';
import * as m from './meetings.mjs';
import * as p from './people.mjs';
import * as r from './routing.mjs';
import * as s from './scheduling.mjs';

/** The ten tasks the issues name, in their order. */
export const issueTasks = [
  p.teamDistributions,
  s.bookRoundRobin,
  m.cancelHostTomorrow,
  r.routingReason,
  p.inviteToTeam,
  r.ruleCondition,
  m.noShowsLastWeek,
  m.export30Days,
  p.linkForUser,
  d.adjustWeights,
];

/** Further realistic tasks. */
export const moreTasks = [
  p.teamMembers,
  p.userLicenses,
  s.availabilityTomorrow,
  m.nextMeetingWithGuest,
  m.crmMeetingStatus,
  r.workspaceRules,
  d.distributionStates,
  s.handoffBook,
  r.deleteRuleChecked,
];

export const tasks = [...issueTasks, ...moreTasks];
