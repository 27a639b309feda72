// Staff records for 人员查询: exact look-ups only, never a listing.
import type { Db } from '../db/database.js';
import type { StaffMember, StaffStatus } from '../domain/types.js';

export interface StaffRepository {
  /** records whose name or card number equals the query exactly */
  findExact(query: string): Promise<StaffMember[]>;
  create(member: Omit<StaffMember, 'id'>, now: number): Promise<number>;
}

interface StaffRow {
  id: number;
  name: string;
  card_number: string;
  position: string;
  department: string;
  status: StaffStatus;
  photo: string | null;
}

export class SqliteStaffRepository implements StaffRepository {
  private readonly exact;
  private readonly insert;

  constructor(db: Db) {
    this.exact = db.prepare<{ query: string }, StaffRow>(
      'SELECT * FROM staff WHERE name = @query OR card_number = @query ORDER BY id LIMIT 10',
    );
    this.insert = db.prepare(
      `INSERT INTO staff (name, card_number, position, department, status, photo, created_at)
       VALUES (@name, @cardNumber, @position, @department, @status, @photo, @now)`,
    );
  }

  async findExact(query: string): Promise<StaffMember[]> {
    return this.exact.all({ query }).map((row) => ({
      id: row.id,
      name: row.name,
      cardNumber: row.card_number,
      position: row.position,
      department: row.department,
      status: row.status,
      photo: row.photo,
    }));
  }

  async create(member: Omit<StaffMember, 'id'>, now: number): Promise<number> {
    return Number(this.insert.run({ ...member, now }).lastInsertRowid);
  }
}
