export * from './organisaties.js';
export * from './expertisegebieden.js';
export * from './roltoewijzingen.js';
export * from './seedversies.js';
export * from './professionals.js';
export * from './auditlog.js';
export * from './zoekindex-outbox.js';
export * from './zoeken.js';
