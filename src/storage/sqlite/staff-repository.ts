// Staff records (人员查询) in SQLite.
import type { Db } from './database.js';
import { containsPattern } from '../like-pattern.js';
import type { StaffMember } from '../../domain/types.js';
import type { StaffFields, StaffRepository, StaffRow } from '../../repositories/staff-repository.js';
import { StaffCardNumberTakenError, toMember } from '../../repositories/staff-repository.js';

const SEARCH = `(@pattern IS NULL OR name LIKE @pattern ESCAPE '\\' OR card_number LIKE @pattern ESCAPE '\\'
  OR position LIKE @pattern ESCAPE '\\' OR department LIKE @pattern ESCAPE '\\')`;

export class SqliteStaffRepository implements StaffRepository {
  private readonly exact;
  private readonly insert;
  private readonly byId;
  private readonly byCard;
  private readonly searchRows;
  private readonly countRows;
  private readonly updateRow;
  private readonly deleteRow;

  constructor(db: Db) {
    this.exact = db.prepare<{ query: string }, StaffRow>(
      'SELECT * FROM staff WHERE name = @query OR card_number = @query ORDER BY id LIMIT 10',
    );
    this.insert = db.prepare(
      `INSERT INTO staff (name, card_number, position, department, status, photo, created_at)
       VALUES (@name, @cardNumber, @position, @department, @status, @photo, @now)`,
    );
    this.byId = db.prepare<[number], StaffRow>('SELECT * FROM staff WHERE id = ?');
    this.byCard = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE card_number = ?');
    this.searchRows = db.prepare<{ pattern: string | null; limit: number; offset: number }, StaffRow>(
      `SELECT * FROM staff WHERE ${SEARCH} ORDER BY status, name, id LIMIT @limit OFFSET @offset`,
    );
    this.countRows = db.prepare<{ pattern: string | null }, { n: number }>(`SELECT COUNT(*) AS n FROM staff WHERE ${SEARCH}`);
    this.updateRow = db.prepare(
      `UPDATE staff SET name = @name, card_number = @cardNumber, position = @position, department = @department,
         status = @status, photo = @photo WHERE id = @id`,
    );
    this.deleteRow = db.prepare('DELETE FROM staff WHERE id = ?');
  }

  async findExact(query: string): Promise<StaffMember[]> {
    return this.exact.all({ query }).map(toMember);
  }

  async create(member: StaffFields, now: number): Promise<number> {
    return uniqueCard(member.cardNumber, () => Number(this.insert.run({ ...fields(member), now }).lastInsertRowid));
  }

  async findById(id: number): Promise<StaffMember | undefined> {
    const row = this.byId.get(id);
    return row && toMember(row);
  }

  async findByCardNumber(cardNumber: string): Promise<StaffMember | undefined> {
    const row = this.byCard.get(cardNumber);
    return row && toMember(row);
  }

  async search(contains: string, limit: number, offset: number): Promise<StaffMember[]> {
    return this.searchRows.all({ pattern: containsPattern(contains), limit, offset }).map(toMember);
  }

  async countSearch(contains: string): Promise<number> {
    return this.countRows.get({ pattern: containsPattern(contains) })?.n ?? 0;
  }

  async update(id: number, member: StaffFields): Promise<boolean> {
    return uniqueCard(member.cardNumber, () => this.updateRow.run({ ...fields(member), id }).changes > 0);
  }

  async delete(id: number): Promise<boolean> {
    return this.deleteRow.run(id).changes > 0;
  }
}

function fields(member: StaffFields) {
  return {
    name: member.name,
    cardNumber: member.cardNumber,
    position: member.position,
    department: member.department,
    status: member.status,
    photo: member.photo,
  };
}

function uniqueCard<T>(cardNumber: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new StaffCardNumberTakenError(cardNumber);
    throw err;
  }
}
