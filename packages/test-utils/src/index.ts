export { describeTransportContract, type TransportHarness, type Upstream } from './contract.js';
export {
  describeHostileUpstream,
  type HostileCallOptions,
  type HostileCaller,
  type HostileHarness,
  type HostileResult,
  type HostileTarget,
} from './hostile/suite.js';
export {
  startHostileUpstream,
  type HostileUpstream,
  type FaultHandler,
  type SeenRequest,
} from './hostile/upstream.js';
export { hostileFaults, type Fault, type Expected } from './hostile/faults/index.js';
export { keyForms, leaksIn } from './hostile/leaks.js';
