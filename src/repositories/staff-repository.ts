// Staff records (人员查询): the repository interface (the SQL is in src/storage/<backend>/). Readers get exact look-ups only,
// never a listing; the listing and search are for editors.
import type { StaffMember, StaffStatus } from '../domain/types.js';

export type StaffFields = Omit<StaffMember, 'id'>;

/** Another record already has the card number (the UNIQUE constraint said so). */
export class StaffCardNumberTakenError extends Error {
  constructor(readonly cardNumber: string) {
    super(`staff card number ${cardNumber} is taken`);
  }
}

export interface StaffRepository {
  /** records whose name or card number equals the query exactly */
  findExact(query: string): Promise<StaffMember[]>;
  /** @throws StaffCardNumberTakenError */
  create(member: StaffFields, now: number): Promise<number>;
  findById(id: number): Promise<StaffMember | undefined>;
  findByCardNumber(cardNumber: string): Promise<StaffMember | undefined>;
  /** For editors: records whose name, card number, position or department contains the text. */
  search(contains: string, limit: number, offset: number): Promise<StaffMember[]>;
  countSearch(contains: string): Promise<number>;
  /** false when there is no such record; @throws StaffCardNumberTakenError */
  update(id: number, member: StaffFields): Promise<boolean>;
  delete(id: number): Promise<boolean>;
}

export interface StaffRow {
  id: number;
  name: string;
  card_number: string;
  position: string;
  department: string;
  status: StaffStatus;
  photo: string | null;
}

export function toMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    name: row.name,
    cardNumber: row.card_number,
    position: row.position,
    department: row.department,
    status: row.status,
    photo: row.photo,
  };
}
