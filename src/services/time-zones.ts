// The time zones editors choose from for the site (设置 → 时区), with Chinese names. Any other
// valid IANA zone a site already uses stays selectable under its own name.

export interface TimeZoneChoice {
  zone: string;
  label: string;
}

/** Grouped roughly by region, the Chinese-speaking zones first. */
export const TIME_ZONE_CHOICES: readonly TimeZoneChoice[] = [
  { zone: 'Asia/Shanghai', label: '北京时间（中国标准时间，UTC+8）' },
  { zone: 'Asia/Hong_Kong', label: '香港时间（UTC+8）' },
  { zone: 'Asia/Macau', label: '澳门时间（UTC+8）' },
  { zone: 'Asia/Taipei', label: '台北时间（UTC+8）' },
  { zone: 'Asia/Urumqi', label: '乌鲁木齐时间（UTC+6）' },
  { zone: 'Asia/Singapore', label: '新加坡时间（UTC+8）' },
  { zone: 'Asia/Kuala_Lumpur', label: '吉隆坡时间（UTC+8）' },
  { zone: 'Asia/Tokyo', label: '东京时间（UTC+9）' },
  { zone: 'Asia/Seoul', label: '首尔时间（UTC+9）' },
  { zone: 'Asia/Bangkok', label: '曼谷时间（UTC+7）' },
  { zone: 'Asia/Kolkata', label: '印度时间（UTC+5:30）' },
  { zone: 'Asia/Dubai', label: '迪拜时间（UTC+4）' },
  { zone: 'Europe/Moscow', label: '莫斯科时间（UTC+3）' },
  { zone: 'Europe/Berlin', label: '柏林时间（中欧时间，有夏令时）' },
  { zone: 'Europe/Paris', label: '巴黎时间（中欧时间，有夏令时）' },
  { zone: 'Europe/London', label: '伦敦时间（有夏令时）' },
  { zone: 'UTC', label: '协调世界时（UTC）' },
  { zone: 'America/New_York', label: '纽约时间（美国东部，有夏令时）' },
  { zone: 'America/Chicago', label: '芝加哥时间（美国中部，有夏令时）' },
  { zone: 'America/Denver', label: '丹佛时间（美国山地，有夏令时）' },
  { zone: 'America/Los_Angeles', label: '洛杉矶时间（美国太平洋，有夏令时）' },
  { zone: 'America/Toronto', label: '多伦多时间（有夏令时）' },
  { zone: 'America/Vancouver', label: '温哥华时间（有夏令时）' },
  { zone: 'America/Sao_Paulo', label: '圣保罗时间（UTC−3）' },
  { zone: 'Australia/Sydney', label: '悉尼时间（有夏令时）' },
  { zone: 'Australia/Perth', label: '珀斯时间（UTC+8）' },
  { zone: 'Pacific/Auckland', label: '奥克兰时间（有夏令时）' },
];

const LABELS = new Map(TIME_ZONE_CHOICES.map((choice) => [choice.zone, choice.label]));

/** The Chinese name of a zone ('北京时间' for Asia/Shanghai); the IANA name for others. */
export function timeZoneName(zone: string): string {
  const label = LABELS.get(zone);
  return label === undefined ? zone : label.replace(/（.*$/, '');
}

/** The choices for a select, with the zone the site uses now among them even if it is not listed. */
export function timeZoneChoices(current: string): readonly TimeZoneChoice[] {
  return LABELS.has(current) ? TIME_ZONE_CHOICES : [{ zone: current, label: `${current}（当前设置）` }, ...TIME_ZONE_CHOICES];
}
