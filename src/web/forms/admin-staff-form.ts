// Parses and validates the staff record (人员) form of the editors' area. Names and card
// numbers are stored NFKC-normalized, as the reader look-up normalizes what it is asked.
import type { StaffMember } from '../../domain/types.js';
import type { StaffFields } from '../../repositories/staff-repository.js';
import { SITE_MESSAGES } from '../messages/site.js';
import { STAFF_MESSAGES } from '../messages/staff.js';
import { singleField } from './single-field.js';
import { cleanLine, visibleLength } from './text-input.js';

export const STAFF_NAME_MAX = 20;
export const STAFF_TEXT_MAX = 30;
export const CARD_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;
// A path on this site (/images/…, /uploads/…): no scheme, no "//", no "..", no query.
const PHOTO_PATH = /^\/(?!\/)[A-Za-z0-9._/-]{1,199}$/;

export interface StaffFormValues {
  name: string;
  cardNumber: string;
  position: string;
  department: string;
  status: string;
  photo: string;
}

export type StaffFormErrors = Partial<Record<keyof StaffFormValues, string>>;

const clean = (raw: string) => cleanLine(raw.normalize('NFKC'));

export function staffFormValues(member?: StaffMember): StaffFormValues {
  if (!member) return { name: '', cardNumber: '', position: '', department: '', status: 'active', photo: '' };
  return {
    name: member.name,
    cardNumber: member.cardNumber,
    position: member.position,
    department: member.department,
    status: member.status,
    photo: member.photo ?? '',
  };
}

export function parseStaffForm(body: unknown): { values: StaffFormValues; errors: StaffFormErrors; member: StaffFields | undefined } {
  const values: StaffFormValues = {
    name: clean(singleField(body, 'name')),
    cardNumber: clean(singleField(body, 'cardNumber')),
    position: clean(singleField(body, 'position')),
    department: clean(singleField(body, 'department')),
    status: singleField(body, 'status'),
    photo: singleField(body, 'photo').trim(),
  };
  const errors: StaffFormErrors = {};
  const nameLength = visibleLength(values.name);
  if (nameLength === 0) errors.name = STAFF_MESSAGES.nameMissing;
  else if (nameLength > STAFF_NAME_MAX) errors.name = SITE_MESSAGES.nameTooLong(STAFF_NAME_MAX);
  if (!CARD_NUMBER.test(values.cardNumber)) errors.cardNumber = STAFF_MESSAGES.cardInvalid;
  if (visibleLength(values.position) > STAFF_TEXT_MAX) errors.position = STAFF_MESSAGES.positionTooLong(STAFF_TEXT_MAX);
  if (visibleLength(values.department) > STAFF_TEXT_MAX) errors.department = STAFF_MESSAGES.departmentTooLong(STAFF_TEXT_MAX);
  if (values.status !== 'active' && values.status !== 'left') errors.status = STAFF_MESSAGES.statusInvalid;
  if (values.photo !== '' && (!PHOTO_PATH.test(values.photo) || values.photo.includes('..'))) errors.photo = STAFF_MESSAGES.photoInvalid;
  const member: StaffFields | undefined =
    Object.keys(errors).length === 0
      ? {
          name: values.name,
          cardNumber: values.cardNumber,
          position: values.position,
          department: values.department,
          status: values.status as StaffFields['status'],
          photo: values.photo || null,
        }
      : undefined;
  return { values, errors, member };
}
