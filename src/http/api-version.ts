/** The full version of the API (semver), sent as `API-Version` on every response and used in the OpenAPI document. */
export const API_VERSION = '1.0.0';
export const API_PREFIX = '/api/v1';
