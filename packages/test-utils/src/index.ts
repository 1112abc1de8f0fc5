export { describeTransportContract, type TransportHarness, type Upstream } from './contract.js';
