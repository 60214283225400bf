import { describe, expect, it } from 'vitest';
import { cidrKeyRange, ipKey } from '../../server/repositories/exposures.js';
import { cidrContains } from '../../server/validation/identifiers.js';

const V4 = '00000000000000000000ffff';

describe('ipKey', () => {
  it('maps IPv4 to the IPv4-mapped IPv6 key, 32 hex digits', () => {
    expect(ipKey('10.8.1.2')).toBe(`${V4}0a080102`);
    expect(ipKey('0.0.0.0')).toBe(`${V4}00000000`);
    expect(ipKey('255.255.255.255')).toBe(`${V4}ffffffff`);
  });

  it('gives one key per address whatever its textual form', () => {
    expect(ipKey('::ffff:10.8.1.2')).toBe(ipKey('10.8.1.2'));
    expect(ipKey('2001:DB8::1')).toBe(ipKey('2001:0db8:0:0:0:0:0:1'));
    expect(ipKey('2001:db8::1')).toBe('20010db8000000000000000000000001');
    expect(ipKey('::')).toBe('0'.repeat(32));
    expect(ipKey('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe('f'.repeat(32));
  });

  it('orders keys as the addresses order numerically', () => {
    const ips = ['10.0.0.9', '10.0.0.10', '9.255.255.255', '2001:db8::2', '::1', '2001:db8::10'];
    const sorted = [...ips].sort((a, b) => (ipKey(a) < ipKey(b) ? -1 : 1));
    expect(sorted).toEqual(['::1', '9.255.255.255', '10.0.0.9', '10.0.0.10', '2001:db8::2', '2001:db8::10']);
    for (const ip of ips) expect(ipKey(ip)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('rejects invalid addresses', () => {
    expect(() => ipKey('10.0.0.256')).toThrow(RangeError);
    expect(() => ipKey('010.0.0.1')).toThrow(RangeError);
    expect(() => ipKey('fe80::1%eth0')).toThrow(RangeError);
    expect(() => ipKey('host')).toThrow(RangeError);
  });
});

describe('cidrKeyRange', () => {
  it('turns IPv4 ranges into mapped key ranges, host bits ignored', () => {
    expect(cidrKeyRange('10.8.0.0/16')).toEqual([`${V4}0a080000`, `${V4}0a08ffff`]);
    expect(cidrKeyRange('10.8.3.7/16')).toEqual([`${V4}0a080000`, `${V4}0a08ffff`]);
    expect(cidrKeyRange('10.8.1.2/32')).toEqual([`${V4}0a080102`, `${V4}0a080102`]);
    expect(cidrKeyRange('10.8.1.2')).toEqual([`${V4}0a080102`, `${V4}0a080102`]);
    expect(cidrKeyRange('0.0.0.0/0')).toEqual([`${V4}00000000`, `${V4}ffffffff`]);
    expect(cidrKeyRange('192.168.1.128/25')).toEqual([`${V4}c0a80180`, `${V4}c0a801ff`]);
    expect(cidrKeyRange('10.0.0.0/9')).toEqual([`${V4}0a000000`, `${V4}0a7fffff`]);
  });

  it('handles IPv6 ranges, including IPv4-mapped ones', () => {
    expect(cidrKeyRange('2001:db8:1::/64')).toEqual([
      '20010db8000100000000000000000000',
      '20010db800010000ffffffffffffffff',
    ]);
    expect(cidrKeyRange('::/0')).toEqual(['0'.repeat(32), 'f'.repeat(32)]);
    expect(cidrKeyRange('2001:DB8::1/128')).toEqual([ipKey('2001:db8::1'), ipKey('2001:db8::1')]);
    expect(cidrKeyRange('::ffff:10.8.0.0/112')).toEqual(cidrKeyRange('10.8.0.0/16'));
    expect(cidrKeyRange('2001:db8::/33')).toEqual([
      '20010db8000000000000000000000000',
      '20010db87fffffffffffffffffffffff',
    ]);
  });

  it('agrees with cidrContains on sample addresses', () => {
    const ranges = [
      '10.8.0.0/16',
      '10.8.1.0/24',
      '10.8.1.2/32',
      '2001:db8:1::/64',
      '2001:db8::/32',
      '0.0.0.0/0',
    ];
    const ips = [
      '10.8.1.2',
      '10.8.1.3',
      '10.9.0.1',
      '2001:db8:1::5',
      '2001:db8:2::5',
      '2001:db9::1',
      '1.2.3.4',
    ];
    for (const r of ranges) {
      const [low, high] = cidrKeyRange(r);
      for (const ip of ips) {
        const k = ipKey(ip);
        expect(k >= low && k <= high, `${ip} in ${r}`).toBe(cidrContains(r, ip));
      }
    }
  });

  it('rejects invalid ranges', () => {
    expect(() => cidrKeyRange('10.0.0.0/33')).toThrow(RangeError);
    expect(() => cidrKeyRange('2001:db8::/129')).toThrow(RangeError);
    expect(() => cidrKeyRange('10.0.0.0/')).toThrow(RangeError);
    expect(() => cidrKeyRange('10.0.0/8')).toThrow(RangeError);
  });
});
