// How the editors' area names the roles.
import type { Role } from '../domain/types.js';

export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', editor: '编辑' };
