import { describe, expect, it } from 'vitest';
import { createRanker, words } from '../../src/code-mode/search-index.js';
import { catalog, selectTools } from '../../src/index.js';

describe('code mode search ranking', () => {
  it('reads words the way people type them', () => {
    // Stop words go (`no`, `show`), and what is left is cut to its stem; `NoShow` and `no-show` join.
    expect(words('List NoShow meetings, no-shows and Bookings')).toStrictEqual([
      'list',
      'noshow',
      'meeting',
      'noshow',
      'booking',
    ]);
  });

  const rank = createRanker(selectTools(catalog));
  it.each([
    ['count no-shows last week', 'meeting-list-put', 3],
    ['cancel a meeting', 'meeting-cancel', 1],
    ['why was a lead routed (concierge logs)', 'concierge-logs', 3],
    ['export meetings as csv', 'meeting-export-v2-put', 1],
    ['who is free tomorrow', 'availability-slots', 1],
    ['change a rule condition', 'rule-modify', 1],
    ['invite a user', 'user-invite', 1],
    ['add users to a team', 'team-add-users', 1],
    ['adjust distribution weights', 'distribution-adjust-v3', 1],
    ['meeting behind a salesforce event', 'crm-get', 1],
    ['book a round robin link', 'scheduling-link-list-round-robin', 3],
    ['handoff a lead', 'handoff-init', 1],
    ['meetingListPut', 'meeting-list-put', 1],
  ])('"%s" finds %s among the first %i', (query, tool, within) => {
    expect(
      rank(query)
        .slice(0, within)
        .map((t) => t.name),
    ).toContain(tool);
  });

  it('finds nothing for words no tool has', () => {
    expect(rank('zebra quantum')).toStrictEqual([]);
  });
});
