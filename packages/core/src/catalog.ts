import type { AnyTool } from './tool.js';
import { organizationTools } from './tools/organization.js';
import { usersTools } from './tools/users.js';
import { workspacesTools } from './tools/workspaces.js';
import { teamsTools } from './tools/teams.js';
import { distributionsTools } from './tools/distributions.js';
import { assignmentTableTools, rulesTools } from './tools/rules.js';
import { meetingsTools, meetingTypeTools } from './tools/meetings.js';
import { schedulingTools } from './tools/scheduling.js';
import { availabilityTools } from './tools/availability.js';
import { handoffTools } from './tools/handoff.js';
import { conciergeTools } from './tools/concierge.js';
import { distroTools } from './tools/distro.js';
import { crmTools } from './tools/crm.js';

const tools = [
  ...organizationTools,
  ...usersTools,
  ...workspacesTools,
  ...teamsTools,
  ...distributionsTools,
  ...rulesTools,
  ...meetingsTools,
  ...schedulingTools,
  ...availabilityTools,
  ...handoffTools,
  ...conciergeTools,
  ...distroTools,
  ...crmTools,
  ...meetingTypeTools,
  ...assignmentTableTools,
];

/** The union of the catalog's tool types, each with its literal name and valibot input schema. */
export type CatalogTool = (typeof tools)[number];

/** The name of a catalog tool, e.g. `meeting-list-put`. */
export type ToolName = CatalogTool['name'];

/** All Chili Piper MCP tools: the help article's, in its order, then the read tools added beyond it. */
export const catalog: readonly AnyTool[] = tools as readonly AnyTool[];

const byName = new Map(catalog.map((tool) => [tool.name, tool]));

/** Looks a tool up by its Chili Piper name. */
export function getTool(name: string): AnyTool | undefined {
  return byName.get(name);
}
