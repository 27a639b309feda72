// How the editors' area names the roles.
export { ROLE_NAMES as ROLE_LABELS } from '../services/workflow-rules.js';
