// Staff records (人员查询) in PostgreSQL.
import { containsPattern } from '../like-pattern.js';
import type { StaffMember } from '../../domain/types.js';
import type { StaffFields, StaffRepository, StaffRow } from '../../repositories/staff-repository.js';
import { StaffCardNumberTakenError, toMember } from '../../repositories/staff-repository.js';
import { isUniqueViolation, type Sql } from './sql.js';

// $1 is the contains pattern, or null for everyone. ILIKE: SQLite's LIKE ignores case, PostgreSQL's does not.
const SEARCH = `($1::text IS NULL OR name ILIKE $1 ESCAPE '\\' OR card_number ILIKE $1 ESCAPE '\\'
  OR position ILIKE $1 ESCAPE '\\' OR department ILIKE $1 ESCAPE '\\')`;

export class PostgresStaffRepository implements StaffRepository {
  constructor(private readonly sql: Sql) {}

  async findExact(query: string): Promise<StaffMember[]> {
    const rows = await this.sql.rows<StaffRow>('SELECT * FROM staff WHERE name = $1 OR card_number = $1 ORDER BY id LIMIT 10', [query]);
    return rows.map(toMember);
  }

  async create(member: StaffFields, now: number): Promise<number> {
    return this.uniqueCard(member.cardNumber, async () => {
      const id = await this.sql.value<number>(
        `INSERT INTO staff (name, card_number, position, department, status, photo, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [member.name, member.cardNumber, member.position, member.department, member.status, member.photo, now],
      );
      return id!;
    });
  }

  async findById(id: number): Promise<StaffMember | undefined> {
    const row = await this.sql.row<StaffRow>('SELECT * FROM staff WHERE id = $1', [id]);
    return row && toMember(row);
  }

  async findByCardNumber(cardNumber: string): Promise<StaffMember | undefined> {
    const row = await this.sql.row<StaffRow>('SELECT * FROM staff WHERE card_number = $1', [cardNumber]);
    return row && toMember(row);
  }

  async search(contains: string, limit: number, offset: number): Promise<StaffMember[]> {
    // COLLATE "C": names sort by code point, as SQLite's BINARY does, whatever the database's locale.
    const rows = await this.sql.rows<StaffRow>(
      `SELECT * FROM staff WHERE ${SEARCH} ORDER BY status, name COLLATE "C", id LIMIT $2 OFFSET $3`,
      [containsPattern(contains), limit, offset],
    );
    return rows.map(toMember);
  }

  async countSearch(contains: string): Promise<number> {
    return (await this.sql.value<number>(`SELECT COUNT(*) FROM staff WHERE ${SEARCH}`, [containsPattern(contains)])) ?? 0;
  }

  async update(id: number, member: StaffFields): Promise<boolean> {
    return this.uniqueCard(member.cardNumber, async () => {
      const updated = await this.sql.run(
        `UPDATE staff SET name = $2, card_number = $3, position = $4, department = $5, status = $6, photo = $7
         WHERE id = $1`,
        [id, member.name, member.cardNumber, member.position, member.department, member.status, member.photo],
      );
      return updated > 0;
    });
  }

  async delete(id: number): Promise<boolean> {
    return (await this.sql.run('DELETE FROM staff WHERE id = $1', [id])) > 0;
  }

  /** A taken card number is an answer, not a failed transaction: the write runs in a savepoint. */
  private async uniqueCard<T>(cardNumber: string, write: () => Promise<T>): Promise<T> {
    try {
      return await this.sql.savepoint(write);
    } catch (err) {
      if (isUniqueViolation(err)) throw new StaffCardNumberTakenError(cardNumber);
      throw err;
    }
  }
}
