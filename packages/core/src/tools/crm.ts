import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { ref } from './shared.js';
import { meetingPreview } from './previews.js';

/** CRM tools: the meeting actions again, addressed by the CRM event id instead of the meeting id. */

const crmEventId = ref(
  'crmEventId',
  'Salesforce Event Id or HubSpot engagement id (crmEventId of meeting-list-put).',
);

export const crmTools = [
  defineTool({
    name: 'crm-get',
    title: 'Get a meeting by CRM event',
    group: 'crm',
    description: 'Returns the meeting linked to a CRM calendar event; not found when none is linked.',
    operation: { name: 'crm-get', method: 'GET', path: '/v1/org/crm/get/{crmEventId}' },
    input: v.object({ crmEventId }),
    view: { record: 'data', omit: ['history'] },
    safety: { kind: 'read', idempotent: true },
    permission: 'crm.read',
    response: 'json',
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'observed',
      notes:
        'No schema; response assumed to be the meeting record like meeting-get. CRM permission names are undocumented; crm.read/crm.modify follow the token CRM section.',
      safetyReason: 'A lookup; changes nothing.',
    },
  }),
  defineTool({
    name: 'crm-cancel',
    title: 'Cancel a meeting by CRM event',
    group: 'crm',
    description:
      'Cancels the meeting linked to a CRM event, like meeting-cancel: attendees may be emailed, the CRM updated. ' +
      'Cannot be undone. Returns the meeting (meetingStatus CANCELLED).',
    operation: { name: 'crm-cancel-post', method: 'POST', path: '/v2/org/crm/cancel/{crmEventId}' },
    input: v.object({ crmEventId }),
    noBody: true,
    view: { record: 'data', omit: ['attendees', 'history'] },
    safety: { kind: 'destructive', idempotent: true },
    permission: 'crm.modify',
    response: 'json',
    preview: meetingPreview('crm-get', 'crmEventId'),
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
      safetyReason:
        'Cancels a meeting for good and may email attendees. Idempotent: a repeat leaves it canceled.',
    },
  }),
  defineTool({
    name: 'crm-noshow',
    title: 'Mark a meeting no-show by CRM event',
    group: 'crm',
    description:
      'Marks the meeting linked to a CRM event as a no-show; may update the CRM. Cannot be undone through the API. ' +
      'Returns the meeting (meetingStatus NO_SHOW).',
    operation: { name: 'crm-noshow-post', method: 'POST', path: '/v2/org/crm/noshow/{crmEventId}' },
    input: v.object({ crmEventId }),
    noBody: true,
    view: { record: 'data', omit: ['attendees', 'history'] },
    safety: { kind: 'destructive', idempotent: true },
    permission: 'crm.modify',
    response: 'json',
    preview: meetingPreview('crm-get', 'crmEventId'),
    docs: {
      replaces: { name: 'crm-noshow', method: 'GET', path: '/v1/org/crm/noshow/{crmEventId}' },
      externalEffects: true,
      permissionConfidence: 'inferred',
      confidence: 'observed',
      notes:
        'Calls the POST replacement of the deprecated GET seed: path id only, no body (none documented). ' +
        'idempotent: true by choice (marking twice leaves the same state). Permission inferred from meeting-noshow.',
      safetyReason: 'Changes the status for good (no API undo). Idempotent.',
    },
  }),
  defineTool({
    name: 'crm-activity',
    title: 'Get a meeting activity link by CRM event',
    group: 'crm',
    description: 'Admin-app activity URL of the meeting linked to a CRM event.',
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
      safetyReason: 'A lookup; changes nothing.',
    },
  }),
];
