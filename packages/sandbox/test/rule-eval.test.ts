import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../src/rule-eval.js';

const ref = (field: string) => ({ source: 'DF', object: 'Person', field });
const cond = (field: string, operator: string, value: unknown) => ({
  type: 'StaticValueCondition',
  conditionId: 'c',
  dataReference: ref(field),
  operator,
  value,
});

describe('rule condition evaluation', () => {
  it('compares numbers, strings and lists', () => {
    expect(evaluateCondition(cond('CompanyEmployees', '>=', 1000), { CompanyEmployees: '5,000' })).toBe(true);
    expect(evaluateCondition(cond('CompanyEmployees', '>=', 1000), { CompanyEmployees: 999 })).toBe(false);
    expect(evaluateCondition(cond('PersonCountry', 'isAnyOf', ['DE', 'FR']), { personcountry: 'de' })).toBe(
      true,
    );
    expect(
      evaluateCondition(cond('PersonEmail', 'endsWithAnyOf', ['gmail.com']), { PersonEmail: 'X@Gmail.com' }),
    ).toBe(true);
    expect(
      evaluateCondition(cond('RecentUtmCampaign', 'contains', 'demo'), {
        RecentUtmCampaign: 'spring-demo-2026',
      }),
    ).toBe(true);
    expect(evaluateCondition(cond('PersonCountry', 'equal', 'US'), {})).toBe(false);
  });

  it('groups combine with and/or; empty/notEmpty test presence', () => {
    const group = (operator: string) => ({
      type: 'ConditionGroup',
      id: 'g',
      operator,
      conditions: [cond('A', 'equal', '1'), cond('B', 'equal', '2')],
    });
    expect(evaluateCondition(group('and'), { A: '1', B: '3' })).toBe(false);
    expect(evaluateCondition(group('or'), { A: '1', B: '3' })).toBe(true);
    const single = (operator: string) => ({
      type: 'SingleParameterCondition',
      conditionId: 's',
      dataReference: ref('Phone'),
      operator,
    });
    expect(evaluateCondition(single('empty'), {})).toBe(true);
    expect(evaluateCondition(single('notEmpty'), { Phone: '+1 555' })).toBe(true);
    expect(evaluateCondition({ type: 'OwnershipCondition', conditionId: 'o' }, { A: '1' })).toBe(false);
  });
});
