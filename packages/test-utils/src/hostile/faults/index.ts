import { contentFaults } from './content.js';
import { echoFaults } from './echo.js';
import { statusFaults } from './statuses.js';
import { transportFaults } from './transport.js';
import type { Fault, FaultSettings } from './types.js';

export {
  healthy,
  healthyData,
  type Expected,
  type Fault,
  type FaultSettings,
  type FaultTool,
} from './types.js';

/** Every fault of the hostile-upstream suite, for one key and one "other host". */
export function hostileFaults(settings: FaultSettings): Fault[] {
  return [
    ...transportFaults(settings),
    ...echoFaults(settings),
    ...contentFaults(settings),
    ...statusFaults(settings),
  ];
}
