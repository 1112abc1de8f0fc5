import { MeetingIndex } from './meeting-index.js';
import type {
  AssignmentTableDefinition,
  ConciergeLog,
  ConciergeRouter,
  Distribution,
  DistroRouter,
  HandoffRouter,
  MeetingType,
  Rule,
  SchedulingLink,
  Team,
  User,
  Workspace,
} from './types.js';

/** One organization (tenant) and all of its data. */
export interface Tenant {
  id: string;
  name: string;
  subdomain: string;
  cluster: string;
  domains: string[];
  users: Map<string, User>;
  workspaces: Map<string, Workspace>;
  teams: Map<string, Team>;
  distributions: Map<string, Distribution>;
  rules: Map<string, Rule>;
  meetingTypes: Map<string, MeetingType>;
  /** Assignment-table definitions by id. */
  assignmentTables: Map<string, AssignmentTableDefinition>;
  meetings: MeetingIndex;
  links: Map<string, SchedulingLink>;
  conciergeRouters: Map<string, ConciergeRouter>;
  conciergeLogs: ConciergeLog[];
  distroRouters: Map<string, DistroRouter>;
  handoffRouters: Map<string, HandoffRouter>;
  /** resourceSchedulerId -> ISO timestamps of manual runs. */
  schedulerRuns: Map<string, string[]>;
}

/** Creates an empty tenant. */
export function emptyTenant(id: string, name: string, subdomain: string, domains: string[]): Tenant {
  return {
    id,
    name,
    subdomain,
    cluster: 'sandbox-1',
    domains,
    users: new Map(),
    workspaces: new Map(),
    teams: new Map(),
    distributions: new Map(),
    rules: new Map(),
    meetingTypes: new Map(),
    assignmentTables: new Map(),
    meetings: new MeetingIndex(),
    links: new Map(),
    conciergeRouters: new Map(),
    conciergeLogs: [],
    distroRouters: new Map(),
    handoffRouters: new Map(),
    schedulerRuns: new Map(),
  };
}

/** The whole sandbox state: tenants by id. Mutated in place by the handlers. */
export interface Store {
  tenants: Map<string, Tenant>;
}
