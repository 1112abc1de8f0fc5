import * as v from 'valibot';
import { defineTool } from '../tool.js';

/** CRM tools: the meeting actions again, addressed by the CRM event id instead of the meeting id. */

const crmEventId = v.pipe(
  v.string('crmEventId must be a string'),
  v.regex(/^[^\s\\/]+$/, 'crmEventId must be a CRM event id without spaces or slashes'),
  v.description('CRM event id: a Salesforce Event Id (15 or 18 characters) or a HubSpot engagement id.'),
);

export const crmTools = [
  defineTool({
    name: 'crm-get',
    title: 'Get a meeting by CRM event',
    group: 'crm',
    description:
      'Returns the Chili Piper meeting linked to a CRM calendar event (status, attendees, scheduled time). ' +
      'Changes nothing. Fails with not found when no meeting is linked to that event.',
    operation: { name: 'crm-get', method: 'GET', path: '/v1/org/crm/get/{crmEventId}' },
    input: v.object({ crmEventId }),
    safety: { kind: 'read', idempotent: true },
    permission: 'crm.read',
    response: 'json',
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'observed',
      notes:
        'No schema; response assumed to be the meeting record like meeting-get. CRM permission names are undocumented; crm.read/crm.modify follow the token CRM section.',
    },
  }),
  defineTool({
    name: 'crm-cancel',
    title: 'Cancel a meeting by CRM event',
    group: 'crm',
    description:
      'Cancels the meeting linked to a CRM calendar event. This cannot be undone: the meeting becomes canceled, ' +
      'calendar events and the CRM may be updated, attendees may be emailed and automations may run. Check it ' +
      'with crm-get first; the answer is the updated meeting.',
    operation: { name: 'crm-cancel-post', method: 'POST', path: '/v2/org/crm/cancel/{crmEventId}' },
    input: v.object({ crmEventId }),
    noBody: true,
    safety: { kind: 'destructive', idempotent: true },
    permission: 'crm.modify',
    response: 'json',
    docs: {
      replaces: { name: 'crm-cancel', method: 'GET', path: '/v1/org/crm/cancel/{crmEventId}' },
      externalEffects: true,
      permissionConfidence: 'inferred',
      confidence: 'observed',
      notes:
        'Calls the POST replacement of the deprecated GET seed: path id only, no body (none documented). Response per ' +
        'the hosted tool text: the updated meeting with meetingStatus "CANCELLED". idempotent: true by choice ' +
        '(cancelling twice leaves the same state; a repeat may answer with an error). Permission inferred from ' +
        'meeting-cancel.',
    },
  }),
  defineTool({
    name: 'crm-noshow',
    title: 'Mark a meeting no-show by CRM event',
    group: 'crm',
    description:
      'Marks the meeting linked to a CRM calendar event as a no-show. This cannot be undone through the API, and ' +
      'it may update the CRM and trigger automations. The answer is the updated meeting.',
    operation: { name: 'crm-noshow-post', method: 'POST', path: '/v2/org/crm/noshow/{crmEventId}' },
    input: v.object({ crmEventId }),
    noBody: true,
    safety: { kind: 'destructive', idempotent: true },
    permission: 'crm.modify',
    response: 'json',
    docs: {
      replaces: { name: 'crm-noshow', method: 'GET', path: '/v1/org/crm/noshow/{crmEventId}' },
      externalEffects: true,
      permissionConfidence: 'inferred',
      confidence: 'observed',
      notes:
        'Calls the POST replacement of the deprecated GET seed: path id only, no body (none documented). ' +
        'idempotent: true by choice (marking twice leaves the same state). Permission inferred from meeting-noshow.',
    },
  }),
  defineTool({
    name: 'crm-activity',
    title: 'Get a meeting activity link by CRM event',
    group: 'crm',
    description:
      'Returns the link to the activity page, in the Chili Piper admin app, of the meeting linked to a CRM ' +
      'calendar event. Changes nothing.',
    operation: { name: 'crm-activity', method: 'GET', path: '/v1/org/crm/activity/{crmEventId}' },
    input: v.object({ crmEventId }),
    safety: { kind: 'read', idempotent: true },
    permission: 'crm.read',
    response: 'json',
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'observed',
      notes:
        'Response format undocumented: assumed JSON; the endpoint may instead answer with a redirect like ' +
        'meeting-activity. Permission inferred.',
    },
  }),
];
