// IP属地: the province (in mainland China) or the country or region of an address, as Chinese
// platforms show beside comments, looked up in the offline database the `ip2region` package
// ships (no network call). Only the place is kept, never the address. Private, loopback and
// other non-public addresses have no place; a failed lookup gives none rather than an error.
import { createRequire } from 'node:module';
import { BlockList, isIP } from 'node:net';

/** Where an address is, as shown to readers; null when there is nothing to show. */
export type LocateAddress = (ip: string) => string | null;

interface RegionResult {
  country?: string;
  province?: string;
}

interface Searcher {
  search(ip: string): RegionResult | null;
}

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** Mainland provinces are shown without 省/市/自治区 (广东, 北京, 新疆), as other platforms do. */
const PROVINCE_SUFFIX = /(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/u;
const REGIONS_OF_CHINA = ['香港', '澳门', '台湾'];

/** The place shown for a lookup result, or null when the database knows none. */
export function regionLabel(result: RegionResult | null): string | null {
  const country = (result?.country ?? '').trim();
  const province = (result?.province ?? '').trim().replace(PROVINCE_SUFFIX, '');
  if (country === '' || country === '0' || /内网|保留|本机/.test(country)) return null;
  if (country !== '中国') return country;
  if (province === '' || province === '0') return '中国';
  return REGIONS_OF_CHINA.includes(province) ? `中国${province}` : province;
}

function publicAddress(ip: string): string | null {
  const plain = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  const family = isIP(plain);
  if (family === 0) return null;
  return NOT_PUBLIC.check(plain, family === 4 ? 'ipv4' : 'ipv6') ? null : plain;
}

let searcher: Searcher | undefined;

/** The package's searcher, loaded on the first lookup (its database is read into memory once). */
function loadSearcher(): Searcher {
  if (!searcher) {
    const require = createRequire(import.meta.url);
    const IP2Region = (require('ip2region') as { default: new () => Searcher }).default;
    searcher = new IP2Region();
  }
  return searcher;
}

/** The place of an address from the shipped database; null for non-public addresses and on any failure. */
export const locateAddress: LocateAddress = (ip) => {
  const address = publicAddress(ip);
  if (address === null) return null;
  try {
    return regionLabel(loadSearcher().search(address));
  } catch {
    return null;
  }
};
