export * from './organisaties.js';
export * from './expertisegebieden.js';
export * from './roltoewijzingen.js';
export * from './seedversies.js';
