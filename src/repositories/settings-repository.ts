// Site settings as key/value pairs: the repository interface (the SQL is in src/storage/<backend>/).

export interface SettingsRepository {
  getAll(): Promise<Record<string, string>>;
  setMany(values: Record<string, string>): Promise<void>;
}
