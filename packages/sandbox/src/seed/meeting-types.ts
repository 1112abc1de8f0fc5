import type { Prng } from '../util/prng.js';
import type { Tenant } from '../store.js';
import type { MeetingType } from '../types.js';

type Profile = Omit<MeetingType, 'id' | 'workspaceId'>;

/** The three team meeting types every workspace gets (fictitious texts; locations and buffers vary). */
const PROFILES: Profile[] = [
  {
    name: 'Intro Call',
    durationMin: 30,
    description: 'A first conversation to qualify the lead.',
    status: 'Active',
    location: {
      default: { type: 'CalendarPlatformConference', index: 0 },
      others: [{ type: 'AskTheGuest', index: 1 }],
    },
    buffers: { after: '5 minutes' },
  },
  {
    name: 'Product Demo',
    durationMin: 45,
    description: 'A tailored walkthrough of the product.',
    status: 'Active',
    location: { default: { type: 'ZoomOneTimeLink', index: 0, host: 'Host' }, others: [] },
    buffers: { before: '10 minutes', after: '10 minutes' },
    meetingLimit: { limitBy: 'Email', timeframe: 'Weekly', count: 2 },
  },
  {
    name: 'Quarterly Business Review',
    durationMin: 60,
    description: 'A quarterly review with an existing customer.',
    status: 'Active',
    location: {
      default: { type: 'HostsDefaultPhysicalLocation', index: 0, host: 'AssigneeIfExists' },
      others: [{ type: 'TeamsMeetingLink', index: 1, host: 'Host' }],
    },
    buffers: { before: '15 minutes' },
  },
];

/** One meeting type per profile in every workspace (one `rng.uuid()` each, in workspace order). */
export function seedMeetingTypes(t: Tenant, rng: Prng): void {
  for (const ws of t.workspaces.values()) {
    for (const profile of PROFILES) {
      const id = rng.uuid();
      t.meetingTypes.set(id, { id, workspaceId: ws.id, ...structuredClone(profile) });
    }
  }
}
