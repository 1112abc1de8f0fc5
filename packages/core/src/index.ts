export * from './tool.js';
export * from './to-request.js';
export { catalog, getTool } from './catalog.js';
