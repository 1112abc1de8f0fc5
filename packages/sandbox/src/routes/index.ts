import type { Route } from '../http/router.js';
import { assignmentTableRoutes } from './assignment-tables.js';
import { availabilityRoutes } from './availability.js';
import { conciergeRoutes } from './concierge.js';
import { crmRoutes } from './crm.js';
import { distributionRoutes } from './distributions.js';
import { distroRoutes } from './distro.js';
import { handoffRoutes } from './handoff.js';
import { linkRoutes } from './links.js';
import { meetingTypeRoutes } from './meeting-types.js';
import { meetingRoutes } from './meetings.js';
import { orgRoutes } from './org.js';
import { ruleRoutes } from './rules.js';
import { teamRoutes } from './teams.js';
import { userRoutes } from './users.js';
import { workspaceRoutes } from './workspaces.js';

/** Every emulated operation. */
export const allRoutes: Route[] = [
  ...orgRoutes,
  ...userRoutes,
  ...workspaceRoutes,
  ...teamRoutes,
  ...distributionRoutes,
  ...ruleRoutes,
  ...assignmentTableRoutes,
  ...meetingRoutes,
  ...meetingTypeRoutes,
  ...linkRoutes,
  ...availabilityRoutes,
  ...handoffRoutes,
  ...conciergeRoutes,
  ...distroRoutes,
  ...crmRoutes,
];
