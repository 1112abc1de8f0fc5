/** Domain records held by the sandbox store. Output shapes are built from these in the route files. */

export interface Metadata {
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  revision: number;
}

export interface Licenses {
  distro: boolean;
  chiliCalOrg: boolean;
  concierge: boolean;
  conciergeLive: boolean;
  chat: boolean;
  handoff: boolean;
  tier?: 'RoutingAndScheduling' | 'Experiences' | 'ChiliDataPlatform';
}

export interface WorkingHours {
  /** IANA-like label, informational; hours below are in UTC. */
  timezone: string;
  /** ISO weekdays 1 (Mon) .. 7 (Sun). */
  days: number[];
  startHour: number;
  endHour: number;
}

export interface User {
  id: string;
  name: string;
  email: string;
  isSuperAdmin: boolean;
  licenses: Licenses;
  managedWorkspaces: string[];
  managedTeams: string[];
  workspaces: string[];
  slug: string;
  salesforceId?: string;
  personalWorkspaceId?: string;
  workingHours: WorkingHours;
  invited?: boolean;
}

export interface Workspace {
  id: string;
  name: string;
  emoji: string;
  logo: string;
  metadata: Metadata;
}

export interface Team {
  id: string;
  workspaceId: string;
  name: string;
  members: string[];
  addedAt: Record<string, string>;
  metadata: Metadata;
}

export interface UserStats {
  assigned: number;
  cancelled: number;
  noShow: number;
  reassignedToThis: number;
  reassignedFromThis: number;
}

export interface Distribution {
  id: string;
  workspaceId: string;
  name: string;
  teamId: string;
  assignmentTypeConfig: Record<string, unknown> & { type: 'Record' | 'Meeting' | 'Conversation' };
  weights: { userId: string; weight: number }[];
  manualCalibration: { userId: string; calibration: number }[];
  capping?: { userCaps: { userId: string; limit: number }[]; resetPeriodicity: Record<string, unknown> };
  stats: Record<string, UserStats>;
  disabled: Record<string, string>;
  lastReset: string;
  metadata: Metadata;
}

export type RuleType = 'NonOwnershipRule' | 'OwnershipRule' | 'AssignmentTableRule';

export interface Rule {
  type: RuleType;
  id: string;
  workspaceId: string;
  name: string;
  conditions: unknown;
  ruleBuilderVersion: 'ExplicitV1';
  product?: string;
  teamId?: string;
  assignmentTableId?: string;
  metadata: Metadata;
  deletedAt?: string;
}

/** A meeting location as the spec's `MeetingLocation` union stores it (`type`, `index`, `host?`, `value?`). */
export interface MeetingLocation {
  type: string;
  index: number;
  host?: 'Host' | 'AssigneeIfExists' | 'BookerIfExists';
  value?: string;
}

export interface MeetingType {
  id: string;
  workspaceId: string;
  name: string;
  durationMin: number;
  description: string;
  status: 'Active' | 'Inactive';
  location: { default: MeetingLocation; others: MeetingLocation[] };
  buffers: { before?: string; after?: string };
  meetingLimit?: { limitBy: 'Email' | 'Domain'; timeframe: string; count: number };
}

export type ColumnContext = 'Record' | 'Meeting' | 'Conversation';

/** An assignment-table definition: the input columns a rule matches on and the output columns it assigns. */
export interface AssignmentTableDefinition {
  id: string;
  workspaceId: string;
  name: string;
  inputs: { key: string; name: string; required: boolean; typeHint?: { type: string; ofType?: unknown } }[];
  outputs: { key: string; name: string; context: ColumnContext; required: boolean }[];
  metadata: Metadata;
}

export type MeetingStatus = 'Active' | 'Canceled' | 'NoShow' | 'Completed';

export interface Meeting {
  id: string;
  workspaceId: string;
  status: MeetingStatus;
  start: number;
  end: number;
  hostId: string;
  assigneeIds: string[];
  bookerId?: string;
  guestEmail: string;
  guestName: string;
  meetingTypeId: string;
  bookedAt: number;
  scheduleOrigin: string;
  meetingSource: string;
  distributionId?: string;
  crmEventId?: string;
  routerId?: string;
  sourceUrl?: string;
  location?: string;
  history: { type: string; at: string; by?: string }[];
}

export type LinkKind = 'personal' | 'round-robin' | 'admin-one-on-one' | 'group' | 'ownership';

export interface SchedulingLink {
  kind: LinkKind;
  linkId: string;
  workspaceId: string;
  name: string;
  slug: string;
  meetingTypeIds: string[];
  /** Users whose calendars are combined (host candidates for RR/ownership, all required for group). */
  userIds: string[];
  distributionId?: string;
  teamId?: string;
}

export interface ConciergeRouter {
  id: string;
  name: string;
  slug: string;
  workspaceId: string;
  acceptsRouting: boolean;
  distributionId: string;
  meetingTypeId: string;
  ruleId?: string;
  /** The rep the rule path assigns when the rule matches. */
  ruleUserId?: string;
  createdBy: string;
  createdAt: string;
}

export interface ConciergeLog {
  id: string;
  routerId: string;
  workspaceId: string;
  status: string;
  trigger: string;
  triggeredAt: number;
  guestEmail: string;
  meetingId?: string;
  userId?: string;
  distributionId: string;
  ruleId?: string;
}

export interface DistroRouter {
  id: string;
  name: string;
  workspaceId: string;
  status: Record<string, unknown> & { type: string };
  trigger: Record<string, unknown>;
  schedulerId?: string;
  runs: string[];
}

export interface HandoffRouter {
  id: string;
  name: string;
  workspaceId: string;
  paths: { pathId: string; type: 'Later'; distributionId: string; meetingTypeId: string }[];
}
