import { describe, expect, it } from 'vitest';
import {
  checkDateOrder,
  cidrContains,
  hashResidentId,
  maskResidentId,
  normalizeCidr,
  normalizeDivisionCode,
  normalizeDomain,
  normalizeFilingNumber,
  normalizeIp,
  normalizeIsoDate,
  normalizeLevel,
  normalizePort,
  normalizeProtocol,
  normalizeResidentId,
  normalizeUscc,
  residentIdCheckCharacter,
  USCC_CHARSET,
  usccCheckCharacter,
} from '../../server/validation/identifiers.js';

function messageOf(r: { ok: true } | { ok: false; message: string }): string {
  if (r.ok) throw new Error('expected a failure');
  return r.message;
}

/** Deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('unified social credit code', () => {
  it('computes the check character of the worked examples', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(usccCheckCharacter('91110000600037341')).toBe('L');
    expect(usccCheckCharacter('91140500MA0K00005')).toBe('8');
  });

  it('throws on bad input to the check character', () => {
    expect(() => usccCheckCharacter('9111000060003734I')).toThrow(/"I" at position 17/);
    expect(() => usccCheckCharacter('9111')).toThrow(/17 characters/);
  });

  it('accepts valid codes and upper-cases them', () => {
    expect(normalizeUscc('91110000600037341L')).toEqual({ ok: true, value: '91110000600037341L' });
    expect(normalizeUscc('91140500MA0K000058')).toEqual({ ok: true, value: '91140500MA0K000058' });
    expect(normalizeUscc(' 91140500ma0k000058 ')).toEqual({ ok: true, value: '91140500MA0K000058' });
    expect(normalizeUscc('91110000600037341l')).toEqual({ ok: true, value: '91110000600037341L' });
  });

  it('names the value and what is wrong', () => {
    expect(messageOf(normalizeUscc('91110000600037341'))).toBe(
      '"91110000600037341": must be 18 characters, got 17',
    );
    expect(messageOf(normalizeUscc('91110000I00037341L'))).toBe(
      '"91110000I00037341L": character "I" at position 9 is not allowed in a unified social credit code',
    );
    expect(messageOf(normalizeUscc('9111O000600037341L'))).toBe(
      '"9111O000600037341L": character "O" at position 5 is not allowed in a unified social credit code',
    );
    expect(messageOf(normalizeUscc('91110000600037341X'))).toBe(
      '"91110000600037341X": check character should be "L", got "X"',
    );
  });

  it('round-trips 200 random prefixes and rejects a changed check character', () => {
    const rand = prng(20250101);
    for (let n = 0; n < 200; n++) {
      let prefix = '';
      for (let i = 0; i < 17; i++) prefix += USCC_CHARSET.charAt(Math.floor(rand() * 31));
      const check = usccCheckCharacter(prefix);
      expect(normalizeUscc(prefix + check)).toEqual({ ok: true, value: prefix + check });
      const other = USCC_CHARSET.charAt((USCC_CHARSET.indexOf(check) + 1 + Math.floor(rand() * 30)) % 31);
      expect(other).not.toBe(check);
      expect(normalizeUscc(prefix + other).ok).toBe(false);
    }
  });
});

describe('resident identity number', () => {
  const today = new Date('2025-06-01T00:00:00Z');

  it('computes the check character', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('14050219900101001')).toBe('9');
    expect(() => residentIdCheckCharacter('1405021990010100A')).toThrow();
  });

  it('accepts valid numbers, lower-case x upper-cased', () => {
    expect(normalizeResidentId('11010519491231002X', today)).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
    expect(normalizeResidentId('11010519491231002x', today)).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
    expect(normalizeResidentId('140502199001010019', today)).toEqual({
      ok: true,
      value: '140502199001010019',
    });
    expect(normalizeResidentId('140502199001010019').ok).toBe(true);
  });

  it('rejects a bad check character without echoing the number', () => {
    const m = messageOf(normalizeResidentId('140502199001010018', today));
    expect(m).toBe('resident identity number "140502********0018": check character should be "9", got "8"');
    expect(m).not.toContain('140502199001010018');
  });

  it('rejects bad dates, future births and bad shapes', () => {
    const feb30 = '14050219900230' + '001';
    expect(messageOf(normalizeResidentId(feb30 + residentIdCheckCharacter(feb30), today))).toBe(
      `resident identity number "140502********001${residentIdCheckCharacter(feb30)}": birth date (digits 7–14) is not a real calendar date`,
    );
    const future = '14050220250602001';
    expect(messageOf(normalizeResidentId(future + residentIdCheckCharacter(future), today))).toMatch(
      /is in the future$/,
    );
    const sameDay = '14050220250601001';
    expect(normalizeResidentId(sameDay + residentIdCheckCharacter(sameDay), today).ok).toBe(true);
    expect(messageOf(normalizeResidentId('14050219900101001', today))).toBe(
      'resident identity number "*****************": must be 18 characters, got 17',
    );
    expect(messageOf(normalizeResidentId('14050219900101001Y', today))).toMatch(
      /must be 17 digits followed by a digit or X$/,
    );
  });

  it('masks and hashes', () => {
    expect(maskResidentId('140502199001010019')).toBe('140502********0019');
    expect(maskResidentId('11010519491231002x')).toBe('110105********002X');
    const h = hashResidentId('140502199001010019', 'key-one');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashResidentId('140502199001010019', 'key-one')).toBe(h);
    expect(hashResidentId('140502199001010019', 'key-two')).not.toBe(h);
    expect(hashResidentId('11010519491231002x', 'k')).toBe(hashResidentId('11010519491231002X', 'k'));
    expect(() => hashResidentId('140502199001010019', '')).toThrow();
  });
});

describe('filing numbers and divisions', () => {
  it('accepts filing numbers from Jincheng police organs', () => {
    expect(normalizeFilingNumber('14050099001-21001')).toEqual({ ok: true, value: '14050099001-21001' });
    expect(normalizeFilingNumber(' 14058100002-00001 ').ok).toBe(true);
  });

  it('rejects bad filing numbers', () => {
    expect(messageOf(normalizeFilingNumber('1405009900-21001'))).toBe(
      '"1405009900-21001": a filing certificate number must be 11 digits, a hyphen and 5 digits',
    );
    expect(messageOf(normalizeFilingNumber('14050099001_21001'))).toMatch(/11 digits, a hyphen/);
    expect(messageOf(normalizeFilingNumber('11010599001-21001'))).toBe(
      '"11010599001-21001": digits 1–6 (110105) are not a Jincheng division code',
    );
    expect(messageOf(normalizeFilingNumber('14050199001-21001'))).toBe(
      '"14050199001-21001": digits 1–6 are 140501 (市辖区) is a placeholder, not a place',
    );
  });

  it('checks division codes', () => {
    for (const code of ['140500', '140502', '140521', '140522', '140524', '140525', '140581']) {
      expect(normalizeDivisionCode(code)).toEqual({ ok: true, value: code });
    }
    expect(messageOf(normalizeDivisionCode('140501'))).toBe('140501 (市辖区) is a placeholder, not a place');
    expect(messageOf(normalizeDivisionCode('140523'))).toMatch(/^"140523": not a division of Jincheng/);
    expect(messageOf(normalizeDivisionCode('1405'))).toBe('"1405": a division code must be 6 digits');
    expect(normalizeDivisionCode('toString').ok).toBe(false);
  });
});

describe('network identifiers', () => {
  it('canonicalises IP addresses', () => {
    expect(normalizeIp('10.1.2.3')).toEqual({ ok: true, value: '10.1.2.3' });
    expect(normalizeIp('2001:DB8:0:0:0:0:0:1')).toEqual({ ok: true, value: '2001:db8::1' });
    expect(normalizeIp('2001:0db8:0000:0001:0000:0000:0000:0001')).toEqual({
      ok: true,
      value: '2001:db8:0:1::1',
    });
    expect(normalizeIp('::ffff:1.2.3.4')).toEqual({ ok: true, value: '1.2.3.4' });
    expect(normalizeIp('::FFFF:0102:0304')).toEqual({ ok: true, value: '1.2.3.4' });
    expect(normalizeIp('::1')).toEqual({ ok: true, value: '::1' });
  });

  it('rejects bad IP addresses', () => {
    expect(messageOf(normalizeIp('256.1.1.1'))).toMatch(/^"256.1.1.1": is not a valid IPv4 address/);
    expect(normalizeIp('010.1.1.1').ok).toBe(false);
    expect(normalizeIp('127.1').ok).toBe(false);
    expect(normalizeIp('1::2::3').ok).toBe(false);
    expect(normalizeIp('fe80::1%eth0').ok).toBe(false);
    expect(normalizeIp('').ok).toBe(false);
  });

  it('normalises CIDR ranges', () => {
    expect(normalizeCidr('10.1.2.3/8')).toEqual({ ok: true, value: '10.0.0.0/8' });
    expect(normalizeCidr('192.168.1.77/27')).toEqual({ ok: true, value: '192.168.1.64/27' });
    expect(normalizeCidr('10.1.2.3')).toEqual({ ok: true, value: '10.1.2.3/32' });
    expect(normalizeCidr('0.0.0.0/0')).toEqual({ ok: true, value: '0.0.0.0/0' });
    expect(normalizeCidr('2001:DB8::1/32')).toEqual({ ok: true, value: '2001:db8::/32' });
    expect(normalizeCidr('2001:db8::1')).toEqual({ ok: true, value: '2001:db8::1/128' });
    expect(normalizeCidr('::ffff:10.1.2.3/104')).toEqual({ ok: true, value: '10.0.0.0/8' });
    expect(normalizeCidr('10.0.0.0/33').ok).toBe(false);
    expect(normalizeCidr('10.0.0.0/08').ok).toBe(false);
    expect(normalizeCidr('10.0.0.0/').ok).toBe(false);
    expect(normalizeCidr('2001:db8::/129').ok).toBe(false);
  });

  it('tests containment', () => {
    expect(cidrContains('10.0.0.0/8', '10.255.1.2')).toBe(true);
    expect(cidrContains('10.1.2.3/8', '10.9.9.9')).toBe(true);
    expect(cidrContains('10.0.0.0/8', '11.0.0.1')).toBe(false);
    expect(cidrContains('10.0.0.0/8', '::ffff:10.0.0.1')).toBe(true);
    expect(cidrContains('2001:db8::/32', '2001:DB8:1::5')).toBe(true);
    expect(cidrContains('2001:db8::/32', '2001:db9::1')).toBe(false);
    expect(cidrContains('10.0.0.0/8', '2001:db8::1')).toBe(false);
    expect(cidrContains('10.1.2.3', '10.1.2.3')).toBe(true);
    expect(() => cidrContains('not a range', '10.0.0.1')).toThrow();
  });

  it('checks ports', () => {
    expect(messageOf(normalizePort(0))).toBe('port 0 is out of range 1–65535');
    expect(normalizePort(1)).toEqual({ ok: true, value: 1 });
    expect(normalizePort(65535)).toEqual({ ok: true, value: 65535 });
    expect(messageOf(normalizePort(65536))).toBe('port 65536 is out of range 1–65535');
    expect(messageOf(normalizePort(1.5))).toBe('port 1.5 is not a whole number');
    expect(normalizePort(Number.NaN).ok).toBe(false);
  });

  it('checks protocols', () => {
    expect(normalizeProtocol('TCP')).toEqual({ ok: true, value: 'tcp' });
    expect(normalizeProtocol(' udp ')).toEqual({ ok: true, value: 'udp' });
    expect(messageOf(normalizeProtocol('icmp'))).toBe('"icmp": protocol must be one of tcp, udp');
  });

  it('normalises domain names', () => {
    expect(normalizeDomain('WWW.Example.COM.')).toEqual({ ok: true, value: 'www.example.com' });
    expect(normalizeDomain('晋城.中国')).toEqual({ ok: true, value: 'xn--uisz05a.xn--fiqs8s' });
    expect(normalizeDomain('xn--uisz05a.xn--fiqs8s')).toEqual({ ok: true, value: 'xn--uisz05a.xn--fiqs8s' });
    expect(normalizeDomain('a-b.example.cn')).toEqual({ ok: true, value: 'a-b.example.cn' });
  });

  it('rejects bad domain names', () => {
    expect(messageOf(normalizeDomain('-a.example.com'))).toBe(
      '"-a.example.com": label "-a" must not start or end with a hyphen',
    );
    expect(messageOf(normalizeDomain('a-.example.com'))).toMatch(/must not start or end with a hyphen/);
    expect(messageOf(normalizeDomain('a..com'))).toBe('"a..com": empty label');
    expect(messageOf(normalizeDomain('a_b.com'))).toBe(
      '"a_b.com": character "_" is not allowed in a domain name',
    );
    expect(messageOf(normalizeDomain('ex%41mple.com'))).toMatch(/character "%"/);
    expect(messageOf(normalizeDomain('localhost'))).toBe(
      '"localhost": a domain name needs at least two labels',
    );
    expect(messageOf(normalizeDomain(`${'a'.repeat(64)}.com`))).toMatch(/longer than 63 characters/);
    expect(normalizeDomain(`${'a'.repeat(63)}.com`).ok).toBe(true);
    const long = Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.');
    expect(messageOf(normalizeDomain(long))).toMatch(/at most 253 allowed/);
    expect(normalizeDomain('1.2.3.4').ok).toBe(false);
    expect(normalizeDomain('xn--zz.com').ok).toBe(false);
    expect(normalizeDomain('.').ok).toBe(false);
    expect(normalizeDomain('example.com..').ok).toBe(false);
  });
});

describe('levels and dates', () => {
  it('checks levels 1–5', () => {
    for (const level of [1, 2, 3, 4, 5]) expect(normalizeLevel(level)).toEqual({ ok: true, value: level });
    expect(messageOf(normalizeLevel(0))).toBe('level 0 must be a whole number 1–5');
    expect(messageOf(normalizeLevel(6))).toBe('level 6 must be a whole number 1–5');
    expect(normalizeLevel(2.5).ok).toBe(false);
  });

  it('checks ISO dates strictly', () => {
    expect(normalizeIsoDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(messageOf(normalizeIsoDate('2025-02-29'))).toBe('"2025-02-29": is not a real calendar date');
    expect(normalizeIsoDate('2000-02-29').ok).toBe(true);
    expect(normalizeIsoDate('1900-02-29').ok).toBe(false);
    expect(normalizeIsoDate('2025-04-31').ok).toBe(false);
    expect(normalizeIsoDate('2025-13-01').ok).toBe(false);
    expect(normalizeIsoDate('2025-12-31').ok).toBe(true);
    expect(messageOf(normalizeIsoDate('2025-1-01'))).toBe('"2025-1-01": a date must be written YYYY-MM-DD');
    expect(normalizeIsoDate('2025-01-01T00:00:00Z').ok).toBe(false);
  });

  it('checks date order', () => {
    expect(checkDateOrder('2024-01-01', '2024-12-31')).toBeNull();
    expect(checkDateOrder('2024-01-01', '2024-01-01')).toBeNull();
    expect(checkDateOrder('2024-01-01', null)).toBeNull();
    expect(checkDateOrder('2024-02-01', '2024-01-31')).toBe(
      'end date 2024-01-31 is before start date 2024-02-01',
    );
    expect(checkDateOrder('2024-02-30', null)).toMatch(/not a real calendar date/);
  });
});
