// Site settings as admins change them: the changed keys saved and audited in one transaction.
import type { SiteSettings } from '../domain/types.js';
import type { Actor } from './audit.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import { toSettingRows, toSiteSettings } from './site-settings.js';
import type { StorageAccess } from './storage-access.js';

export class SettingsService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  /** Saves the settings; the keys that changed (none: nothing written, nothing audited). */
  update(actor: Actor, values: SiteSettings, labels: Record<keyof SiteSettings, string>): Promise<(keyof SiteSettings)[]> {
    return this.storage.transaction(async (tx) => {
      const current = toSiteSettings(await tx.settings.getAll());
      const changed = (Object.keys(values) as (keyof SiteSettings)[]).filter((key) => current[key] !== values[key]);
      if (changed.length === 0) return changed;
      await tx.settings.setMany(toSettingRows(values));
      const summary = `修改：${changed.map((key) => labels[key]).join('、')}`;
      await tx.audit.append(auditEntry(actor, 'settings.update', { type: 'settings' }, summary, this.clock()));
      return changed;
    });
  }
}
