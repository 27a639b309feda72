// The network an address belongs to (IPv4 /24, IPv6 /48): what the portal keeps instead of a
// reader's address, in the request log and beside each comment (enough to see that comments
// come from one network, not who wrote them).

export function networkOf(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (ip.includes(':')) {
    // expand '::' to the zero groups it stands for, then keep the first three groups
    const [head = '', tail] = ip.split('::');
    const headGroups = head === '' ? [] : head.split(':');
    const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
    const zeros = Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0');
    const groups = [...headGroups, ...(tail === undefined ? [] : zeros), ...tailGroups];
    return `${groups
      .slice(0, 3)
      .map((g) => g.replace(/^0+(?=.)/, ''))
      .join(':')}::/48`;
  }
  return 'unknown';
}
