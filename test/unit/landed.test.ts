// The landed-cost engine (main/common/calc/landed.ts): splits, customs rules, bad input and the
// invariants, in integer minor units. Worked examples and their sources:
// - Australian Border Force, "GST and duty calculation" worked example (an electric sound
//   amplifier, US$1,274, postage and insurance US$118.30, A$1 = US$0.91, duty 5% of the customs
//   value, GST 10% of the value of the taxable importation = customs value + duty + T&I): duty
//   A$70.00, GST A$160.00. The ABF page itself is not in our reference corpus; it is quoted in full
//   at http://clubcobra.com/forums/1097338-post12.html ("Below is an example calculation for an
//   electric sound amplifier with a duty rate of 5%…").
// - US merchandise processing fee: 0.3464% ad valorem, FY2026 minimum $33.58, maximum $651.50
//   (19 CFR 24.23(b)(1); CBP Dec. 25-10, 90 FR 34665, 23 July 2025,
//   https://www.govinfo.gov/content/pkg/FR-2025-07-23/html/2025-13869.htm). The harbor
//   maintenance fee (0.125%, ocean shipments only, 19 CFR 24.24) is the optional fee.
// - EU interim flat duty on parcels under €150 from 1 July 2026: €3 per distinct tariff subheading
//   in the parcel ("1 silk blouse and 2 wool blouses … two distinct items, and EUR 6"): Council of
//   the EU, 11 February 2026, quoted at https://regfollower.com/?p=78434.
// - China, ad valorem consumption tax on imports: composite base = (customs value + duty) ÷
//   (1 − rate) (Provisional Regulations on Consumption Tax, art. 8), so the tax is
//   (value + duty) × r / (1 − r); import VAT base = customs value + duty + consumption tax
//   (Provisional Regulations on VAT, art. 14). Cross-border e-commerce retail imports within the
//   limits: duty 0, VAT and consumption tax at 70% of the statutory amount (Caiguanshui [2016]
//   No. 18), e.g. cosmetics at 15% consumption tax: (13% + 15%) ÷ (1 − 15%) × 70% = 23.06%.
import { describe, expect, it } from 'vitest';
import { overlapError, profileLookup, type CustomsProfile } from '../../main/common/calc/customs';
import { SHIPPED_PROFILES } from '../../main/common/calc/shipped-profiles';
import { convert, parseRate } from '../../main/common/calc/fx';
import { landedCost, LandedInputError, landedJson, type LandedInput, type LandedLineInput, type LandedResult } from '../../main/common/calc/landed';
import { currencyExponent, formatScaled } from '../../main/common/money';
import { seededRandom } from '../../main/common/random';
import { ABF_INPUT, ABF_OUTPUT } from '../fixtures/abf-example';

const DAY = '2026-05-01';
const run = (input: LandedInput, profiles?: readonly CustomsProfile[]) => landedCost(input, { today: DAY, ...(profiles ? { profiles: profileLookup(profiles) } : {}) });
const line = (id: string, unitPrice: string, extra: Partial<LandedLineInput> = {}): LandedLineInput => ({ id, quantity: 1, unitPrice, currency: 'USD', ...extra });
const shares = (r: LandedResult, id: string) => r.lines.map((l) => l.charges[id]);

/** the issues a bad input is refused with (fails the test if it is accepted) */
function issues(input: unknown, profiles?: readonly CustomsProfile[]) {
  try {
    landedCost(input, { today: DAY, ...(profiles ? { profiles: profileLookup(profiles) } : {}) });
  } catch (e) {
    if (e instanceof LandedInputError) return e.issues;
    throw e;
  }
  throw new Error('expected a LandedInputError');
}

// ---------------------------------------------------------------------------------------------
describe('splitting a charge over the lines', () => {
  const three = [line('a', '10.00'), line('b', '20.00'), line('c', '30.00')];
  // [name, lines, charge, expected parts in line order (minor units)]
  const cases: [string, LandedLineInput[], LandedInput['charges'], number[]][] = [
    // 12,322 / 3 = 4,107 r 1 each: the one leftover cent goes to the earliest of the tied lines
    // (as a multiset 41.07, 41.07, 41.08)
    ['equal: 123.22 over three lines → 41.08, 41.07, 41.07', three, [{ id: 'x', amount: '123.22', currency: 'USD', split: 'equal' }], [4108, 4107, 4107]],
    // 20 × 100/301 = 6.64 (×3) and 0.066: floors 6, 6, 6, 0 leave 2 cents for the two largest
    // remainders, the first two lines
    [
      'value: 0.20 over 100, 100, 100 and 1 → 0.07, 0.07, 0.06, 0.00',
      [line('a', '100.00'), line('b', '100.00'), line('c', '100.00'), line('d', '1.00')],
      [{ id: 'x', amount: '0.20', currency: 'USD', split: 'value' }],
      [7, 7, 6, 0],
    ],
    // 1,000 × 1/6, 2/6, 3/6 = 166.67, 333.33, 500: the leftover cent to the largest remainder
    [
      'quantity: 10.00 over 1, 2 and 3 units → 1.67, 3.33, 5.00',
      [line('a', '9.00'), line('b', '1.00', { quantity: 2 }), line('c', '1.00', { quantity: 3 })],
      [{ id: 'x', amount: '10.00', currency: 'USD', split: 'quantity' }],
      [167, 333, 500],
    ],
    // quantity × unit weight: 2 × 1.5 = 3 kg, 1 × 0.5 = 0.5 kg, 10 × 0.25 = 2.5 kg of 6 kg
    [
      'weight: 60.00 by quantity × unit weight (3, 0.5, 2.5 kg) → 30.00, 5.00, 25.00',
      [line('a', '1.00', { quantity: 2, unitWeightKg: '1.5' }), line('b', '99.00', { unitWeightKg: 0.5 }), line('c', '1.00', { quantity: 10, unitWeightKg: '0.25' })],
      [{ id: 'x', amount: '60.00', currency: 'USD', split: 'weight' }],
      [3000, 500, 2500],
    ],
    // 5 × 0.002 m³ = 0.01 m³ against 1 × 0.03 m³
    [
      'volume: 40.00 by quantity × unit volume (0.01, 0.03 m³) → 10.00, 30.00',
      [line('a', '1.00', { quantity: 5, unitVolumeM3: '0.002' }), line('b', '1.00', { unitVolumeM3: '0.03' })],
      [{ id: 'x', amount: '40.00', currency: 'USD', split: 'volume' }],
      [1000, 3000],
    ],
    // the shares are the user's; a line left out gets nothing
    [
      'manual: 15.50 as 12.00 and 3.50, the third line left out',
      three,
      [{ id: 'x', amount: '15.50', currency: 'USD', split: { manual: { a: '12.00', c: '3.50' } } }],
      [1200, 0, 350],
    ],
  ];
  it.each(cases)('%s', (_name, lines, charges, expected) => {
    const r = run({ currency: 'USD', lines, charges });
    expect(shares(r, 'x')).toEqual(expected);
    expect(r.chargeTotals.x).toBe(expected.reduce((a, b) => a + b, 0));
  });

  it('a charge in another currency is converted once, then split: the parts sum exactly to the converted total', () => {
    // EUR 10.00 at 1.1685 USD per EUR = 11.685 → 11.69. Splitting first and converting each part
    // would give 3.34 → 3.90, 3.33 → 3.89, 3.33 → 3.89 = 11.68, a cent lost.
    const rates = { EUR: '1.1685' };
    const r = run({ currency: 'USD', rates, lines: three, charges: [{ id: 'x', amount: '10.00', currency: 'EUR', split: 'equal' }] });
    expect(r.chargeTotals.x).toBe(1169);
    expect(convert(1000, 'EUR', 'USD', parseRate('1.1685'))).toBe(1169);
    expect(shares(r, 'x')).toEqual([390, 390, 389]);
    expect([334, 333, 333].map((eur) => convert(eur, 'EUR', 'USD', parseRate('1.1685'))).reduce((a, b) => a + b)).toBe(1168);
    // manual shares are in the charge's currency and must add up to it (6.00 + 4.00 EUR); they
    // then weigh the converted 11.69: 701.4 and 467.6 → 701, 468
    const m = run({ currency: 'USD', rates, lines: [line('a', '1.00'), line('b', '1.00')], charges: [{ id: 'x', amount: '10.00', currency: 'EUR', split: { manual: { a: '6.00', b: '4.00' } } }] });
    expect(shares(m, 'x')).toEqual([701, 468]);
  });

  it('a line in another currency is converted at the table rate, or at its own rate', () => {
    // 3 × ¥1,500 at 0.0066 USD per JPY = 29.70; 2 × €12.345 (4 extra decimals allowed) at its own 1.17 = 28.8873 → 28.89
    const r = run({ currency: 'USD', rates: { JPY: '0.0066' }, lines: [line('a', '1500', { currency: 'JPY', quantity: 3 }), line('b', '12.345', { currency: 'EUR', quantity: '2', rate: '1.17' })] });
    expect(r.lines.map((l) => l.goods)).toEqual([2970, 2889]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('customs: duty, excise and VAT', () => {
  // The ABF worked example as the CLI's input and output (test/fixtures/abf-example.ts).
  const abfInput: LandedInput = { ...ABF_INPUT, date: DAY };
  const abfOutput = ABF_OUTPUT;

  it('Australia (ABF worked example): duty 70.00 on the FOB value, GST 160.00 on value + duty + T&I, landed 1,760.00', () => {
    expect(landedJson(run(abfInput))).toEqual(abfOutput);
  });

  it('a profile by name supplies the rules; fields given next to it override them', () => {
    const au: CustomsProfile = {
      code: 'AU',
      name: 'Australia',
      country: 'AU',
      currency: 'AUD',
      validFrom: '2018-07-01',
      validTo: null,
      customs: { dutyBasis: 'FOB', dutyFreeUpTo: '1000.00', vatFreeUpTo: '1000.00', vatRate: '0.10', taxFactor: '1', vatRecoverable: false, fees: [] },
      sources: [],
      notes: '',
    };
    expect(landedJson(run({ ...abfInput, customs: { profile: 'AU' } }, [au]))).toEqual(abfOutput);
    expect(landedJson(run({ ...abfInput, customs: { profile: 'australia' } }, [au]))).toEqual(abfOutput); // by name too
    // overrides: CIF instead of FOB (duty on 1,530.00 = 76.50), and the GST reclaimed
    const r = run({ ...abfInput, customs: { profile: 'AU', dutyBasis: 'CIF', vatRecoverable: true } }, [au]);
    expect(r.totals).toMatchObject({ duty: 7650, vat: 16065, recoverableVat: 16065, landedTotal: 140000 + 13000 + 7650 });
    // a day outside the profile's dates is an error on customs.profile, never the nearest version
    const old = { ...au, validTo: '2026-04-30' };
    const refused = issues({ ...abfInput, customs: { profile: 'AU' } }, [old]);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.path).toBe('customs.profile');
    expect(refused[0]!.message).toMatch(/does not apply on 2026-05-01 \(it covers 2018-07-01 to 2026-04-30\)/);
    expect(issues({ ...abfInput, customs: { profile: 'XX' } }, [au])).toEqual([{ path: 'customs.profile', message: 'no customs profile "XX"' }]);
    expect(issues({ ...abfInput, customs: { profile: 'AU' } })[0]!.path).toBe('customs.profile'); // no profiles given at all
  });

  it('duty on the FOB value leaves freight out; on the CIF value freight is in, a charge outside the customs value never', () => {
    // goods 1,000.00 at 10% duty, freight 100.00 (in the customs value), handling 50.00 (not), VAT 20%
    const input = (dutyBasis: 'FOB' | 'CIF'): LandedInput => ({
      currency: 'USD',
      lines: [line('a', '1000.00', { dutyRate: '0.10' })],
      charges: [
        { id: 'freight', amount: '100.00', currency: 'USD', split: 'value' },
        { id: 'handling', amount: '50.00', currency: 'USD', split: 'value', inCustomsValue: false },
      ],
      customs: { dutyBasis, vatRate: '0.20' },
    });
    const fob = run(input('FOB')).lines[0]!;
    const cif = run(input('CIF')).lines[0]!;
    // FOB: duty 10% × 1,000 = 100; VAT 20% × (1,000 + 100 + 100) = 240
    expect(fob).toMatchObject({ dutiableValue: 100000, duty: 10000, vatBase: 120000, vat: 24000, landedTotal: 149000 });
    // CIF: duty 10% × 1,100 = 110; VAT 20% × (1,100 + 110) = 242
    expect(cif).toMatchObject({ dutiableValue: 110000, duty: 11000, vatBase: 121000, vat: 24200, landedTotal: 150200 });
  });

  it('dutyFreeUpTo: at or under the threshold no ad-valorem duty, a cent over and the whole value is dutiable', () => {
    // the threshold is on the goods' value, not the freight: €150.00 of goods + €20.00 freight is still under
    const at = (price: string) =>
      run({
        currency: 'EUR',
        lines: [line('a', price, { currency: 'EUR', dutyRate: '0.12' })],
        charges: [{ id: 'freight', amount: '20.00', currency: 'EUR', split: 'value' }],
        customs: { dutyBasis: 'CIF', dutyFreeUpTo: '150.00', vatRate: '0' },
      });
    expect(at('150.00')).toMatchObject({ lowValue: true, totals: { duty: 0 } });
    expect(at('149.99')).toMatchObject({ lowValue: true, totals: { duty: 0 } });
    // 12% × (150.01 + 20.00) = 20.4012 → 20.40
    expect(at('150.01')).toMatchObject({ lowValue: false, totals: { duty: 2040 } });
  });

  it('lowValueDutyPerHs6: a flat €3 per distinct HS subheading, shared by value within it', () => {
    // wool blouses on two lines (6206.20, the second as a 10-digit code) and a silk one (6206.10):
    // two subheadings, €6. The 6206.20 lines share their €3 by value 50 : 20 → 2.1428, 0.8571 →
    // 2.14, 0.86 (largest remainder); ad-valorem rates on the lines do not apply.
    const r = run({
      currency: 'EUR',
      lines: [
        line('wool-navy', '50.00', { currency: 'EUR', hsCode: '6206.20', dutyRate: '0.12' }),
        line('wool-grey', '20.00', { currency: 'EUR', hsCode: '6206200010', dutyRate: '0.12' }),
        line('silk', '30.00', { currency: 'EUR', hsCode: '620610', dutyRate: '0.12' }),
      ],
      customs: { dutyBasis: 'CIF', dutyFreeUpTo: '150.00', lowValueDutyPerHs6: '3.00', vatRate: '0.19' },
    });
    expect(r.lowValue).toBe(true);
    expect(r.lines.map((l) => l.duty)).toEqual([214, 86, 300]);
    expect(r.totals.duty).toBe(600);
    // VAT 19% still applies (no vatFreeUpTo), on value + duty: 52.14 → 9.9066, 20.86 → 3.9634, 33.00 → 6.27
    expect(r.lines.map((l) => l.vat)).toEqual([991, 396, 627]);
    // flat duty needs the HS code of every line
    expect(issues({ currency: 'EUR', lines: [line('a', '10.00', { currency: 'EUR', hsCode: '620620' }), line('b', '10.00', { currency: 'EUR' })], customs: { dutyFreeUpTo: '150.00', lowValueDutyPerHs6: '3.00' } })).toEqual([
      { path: 'lines[1].hsCode', message: expect.stringMatching(/line "b" needs an HS code/) },
    ]);
  });

  it('vatFreeUpTo: at or under no VAT, a cent over and VAT on the whole base; independent of the duty threshold', () => {
    const at = (price: string) => run({ currency: 'AUD', lines: [line('a', price, { currency: 'AUD', dutyRate: '0.05' })], customs: { dutyBasis: 'FOB', vatFreeUpTo: '1000.00', vatRate: '0.10' } });
    // duty applies (no dutyFreeUpTo): 5% × 1,000 = 50.00; the VAT base is still reported
    expect(at('1000.00').lines[0]).toMatchObject({ duty: 5000, vatBase: 105000, vat: 0, landedTotal: 105000 });
    // 10% × (1,000.01 + 50.00) = 105.001 → 105.00
    expect(at('1000.01').lines[0]).toMatchObject({ duty: 5000, vatBase: 105001, vat: 10500, landedTotal: 115501 });
  });

  it('excise on a tax-inclusive base: (value + duty) × r / (1 − r), and the VAT base includes it', () => {
    // China general trade, cosmetics: CIF 1,000.00 + freight 100.00, duty 10% = 110.00,
    // consumption tax 15%: 1,210 × 0.15 / 0.85 = 213.529… → 213.53, VAT 13% × 1,423.53 = 185.06
    const r = run({
      currency: 'CNY',
      lines: [line('serum', '1000.00', { currency: 'CNY', dutyRate: '0.10', exciseRate: '0.15' })],
      charges: [{ id: 'freight', amount: '100.00', currency: 'CNY', split: 'value' }],
      customs: { dutyBasis: 'CIF', vatRate: '0.13' },
    });
    expect(r.lines[0]).toMatchObject({ duty: 11000, excise: 21353, vatBase: 142353, vat: 18506, landedTotal: 100000 + 10000 + 11000 + 21353 + 18506 });
  });

  it('taxFactor 0.7 applies to excise and VAT; the VAT base takes the statutory excise', () => {
    // China cross-border e-commerce retail, cosmetics, ¥1,000.00, duty 0: statutory consumption
    // tax 176.47, 70% of it = 123.53; VAT base 1,000 + 176.47 = 1,176.47, VAT 13% × 70% = 107.06.
    // Together 230.59 = 23.06% of the price, the published composite rate.
    const r = run({
      currency: 'CNY',
      lines: [line('serum', '1000.00', { currency: 'CNY', dutyRate: '0', exciseRate: '0.15' })],
      customs: { dutyBasis: 'CIF', vatRate: '0.13', taxFactor: '0.7' },
    });
    expect(r.lines[0]).toMatchObject({ duty: 0, excise: 12353, vatBase: 117647, vat: 10706, landedTotal: 123059 });
  });

  it('vatRecoverable: VAT is reported and totalled as recoverable, but left out of the landed cost', () => {
    const input = (vatRecoverable: boolean): LandedInput => ({
      currency: 'CNY',
      lines: [line('a', '600.00', { currency: 'CNY', dutyRate: '0.05' }), line('b', '400.00', { currency: 'CNY', dutyRate: '0' })],
      customs: { dutyBasis: 'CIF', vatRate: '0.13', vatRecoverable },
    });
    // a: duty 30.00, VAT 13% × 630 = 81.90; b: VAT 52.00
    const kept = run(input(true));
    expect(kept.totals).toEqual({ goods: 100000, charges: 0, duty: 3000, excise: 0, vat: 13390, recoverableVat: 13390, landedTotal: 103000 });
    expect(kept.lines.map((l) => l.landedTotal)).toEqual([63000, 40000]);
    expect(landedJson(kept).totals).toEqual({ goods: '1000.00', charges: '0.00', duty: '30.00', excise: '0.00', vat: '133.90', recoverableVat: '133.90', landedTotal: '1030.00' });
    const paid = run(input(false));
    expect(paid.totals).toMatchObject({ vat: 13390, recoverableVat: 0, landedTotal: 116390 });
    expect(landedJson(paid).totals).not.toHaveProperty('recoverableVat');
  });

  describe('customs fees (US merchandise processing fee: 0.3464%, min 33.58, max 651.50)', () => {
    const fees = [
      { id: 'mpf', name: 'Merchandise processing fee', rate: '0.003464', min: '33.58', max: '651.50' },
      { id: 'hmf', name: 'Harbor maintenance fee', rate: '0.00125', optional: true },
    ];
    const us = (prices: string[], includeFees?: string[]) =>
      run({
        currency: 'USD',
        lines: prices.map((p, i) => line(`l${i}`, p, { dutyRate: '0' })),
        charges: [{ id: 'freight', amount: '900.00', currency: 'USD', split: 'value' }],
        customs: { dutyBasis: 'FOB', fees, ...(includeFees ? { includeFees } : {}) },
      });
    it.each([
      // [dutiable (FOB) values, MPF]: 0.3464% × 5,000 = 17.32 → the minimum; × 100,000 = 346.40; × 500,000 = 1,732 → the maximum
      [['5000.00'], 3358],
      [['10000.00'], 3464], // 34.64, over the minimum
      [['60000.00', '40000.00'], 34640],
      [['500000.00'], 65150],
    ] as [string[], number][])('on %j of goods the fee is %i cents, split by dutiable value', (prices, mpf) => {
      const r = us(prices);
      expect(r.chargeTotals.mpf).toBe(mpf);
      expect(r.chargeTotals).not.toHaveProperty('hmf'); // optional: off unless named
      expect(r.lines.reduce((a, l) => a + l.charges.mpf!, 0)).toBe(mpf);
    });
    it('on the FOB value, not the freight; split over the lines by dutiable value; an optional fee only when named', () => {
      const r = us(['60000.00', '40000.00'], ['hmf']);
      expect(shares(r, 'mpf')).toEqual([20784, 13856]);
      expect(r.chargeTotals.hmf).toBe(12500); // 0.125% × 100,000
      expect(r.totals.charges).toBe(90000 + 34640 + 12500);
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe('official worked examples, with the shipped profiles', () => {
  const shipped = (input: LandedInput) => landedCost(input, { profiles: profileLookup(SHIPPED_PROFILES), today: '2026-05-01' });
  const eur = (id: string, unitPrice: string, extra: Partial<LandedLineInput> = {}): LandedLineInput => ({ id, quantity: 1, unitPrice, currency: 'EUR', ...extra });

  // Belastingdienst (NL), "Rekenvoorbeelden" for goods bought outside the EU:
  // https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/prive/douane/goederen_ontvangen_uit_het_buitenland/van_organisaties_en_bedrijven/rekenvoorbeelden
  // A camera of €149 with €25 shipping and €10 insurance: no duty (at or under €150), VAT 21% of
  // €184 = €38.64. A handbag of €199 with the same costs: duty 3% of €234 = €7.02, VAT 21% of
  // €241.02 = €50.61.
  it('EU (Netherlands): import VAT on goods + shipping + insurance (+ duty above €150)', () => {
    const costs: LandedInput['charges'] = [
      { id: 'shipping', amount: '25.00', currency: 'EUR', split: 'value' },
      { id: 'insurance', amount: '10.00', currency: 'EUR', split: 'value' },
    ];
    const camera = shipped({ currency: 'EUR', lines: [eur('camera', '149.00', { dutyRate: '0' })], charges: costs, customs: { profile: 'EU-NL', vatRecoverable: false } });
    expect(camera.totals).toMatchObject({ duty: 0, vat: 3864, landedTotal: 22264 });
    expect(camera.lowValue).toBe(true);
    const bag = shipped({ currency: 'EUR', lines: [eur('bag', '199.00', { dutyRate: '0.03' })], charges: costs, customs: { profile: 'EU-NL', vatRecoverable: false } });
    expect(bag.lines[0]).toMatchObject({ dutiableValue: 23400, duty: 702, vatBase: 24102, vat: 5061, landedTotal: 29163 });
  });

  // Zoll (DE), import VAT base example: a machine at €10,000 ex works, freight to Rotterdam €1,200
  // (customs value €11,200), duty 2% = €224, carriage Rotterdam–Berlin €300 (in the VAT base, not
  // the customs value): VAT base €11,724, import VAT 19% = €2,227.56.
  // https://zoll.de/DE/Fachthemen/Steuern/Einfuhrumsatzsteuer/Bemessungsgrundlage/marginalspalte_beispiel_faq.html?faqCalledDoc=146762&nn=146762
  it('EU (Germany): carriage inside the EU is in the VAT base but not the customs value', () => {
    const r = shipped({
      currency: 'EUR',
      lines: [eur('machine', '10000.00', { dutyRate: '0.02' })],
      charges: [
        { id: 'to-rotterdam', amount: '1200.00', currency: 'EUR', split: 'value' },
        { id: 'to-berlin', amount: '300.00', currency: 'EUR', split: 'value', inCustomsValue: false, inVatBase: true },
      ],
      customs: { profile: 'EU-DE', vatRecoverable: false },
    });
    expect(r.lines[0]).toMatchObject({ dutiableValue: 1120000, duty: 22400, vatBase: 1172400, vat: 222756 });
  });

  // Australia: the ABF worked example is above; the old Customs site's second example: six video
  // cameras at A$200 (customs value A$1,200), duty 5% = A$60, transport and insurance A$150,
  // value of the taxable importation A$1,410, GST A$141.
  it('Australia: six video cameras, duty 60.00, GST 141.00', () => {
    const r = shipped({
      currency: 'AUD',
      lines: [{ id: 'cameras', quantity: 6, unitPrice: '200.00', currency: 'AUD', dutyRate: '0.05' }],
      charges: [{ id: 'freight-insurance', amount: '150.00', currency: 'AUD', split: 'value' }],
      customs: { profile: 'AU' },
    });
    expect(r.totals).toMatchObject({ duty: 6000, vat: 14100 });
    expect(r.lines[0]!.vatBase).toBe(141000);
  });

  // China, cross-border e-commerce retail import: Ningbo Customs' answer in People's Daily
  // Overseas Edition (November 2025, https://www.cceeccic.org/1452613053.html): a skincare product
  // at CNY 425 for 20 g (CNY 21.25 a gram, so the 15% consumption tax on high-end cosmetics
  // applies). Under Caiguanshui [2016] No. 18 duty is 0 within the limits and consumption tax and
  // VAT are levied at 70%: consumption tax 425 ÷ (1 − 15%) × 15% × 70% = 52.50; VAT (425 + 75) ×
  // 13% × 70% = 45.50; together 98.00.
  it('China (cross-border retail): consumption tax 52.50 and VAT 45.50 at 70% on a CNY 425 serum', () => {
    const r = shipped({ currency: 'CNY', lines: [{ id: 'serum', quantity: 1, unitPrice: '425.00', currency: 'CNY', exciseRate: '0.15' }], customs: { profile: 'CN-CBEC' } });
    expect(r.lines[0]).toMatchObject({ duty: 0, excise: 5250, vatBase: 50000, vat: 4550, landedTotal: 42500 + 5250 + 4550 });
    // over the CNY 5,000 per-order limit the regime does not apply: said, not silently computed
    const big = shipped({ currency: 'CNY', lines: [{ id: 'bag', quantity: 1, unitPrice: '5000.01', currency: 'CNY' }], customs: { profile: 'CN-CBEC' } });
    expect(big.warnings.join()).toMatch(/over this regime's limit of 5000.00 CNY/);
  });

  it('the shipped profiles: sources for each, no two versions of a code overlap, each computes on its first day', () => {
    expect(overlapError(SHIPPED_PROFILES)).toBeNull();
    for (const p of SHIPPED_PROFILES) {
      expect(p.sources.length, p.code).toBeGreaterThan(0);
      expect(p.sources.every((x) => /^https?:\/\//.test(x.url)), p.code).toBe(true);
      const r = landedCost(
        { currency: p.currency, date: p.validFrom, lines: [{ id: 'x', quantity: 2, unitPrice: '1000.00', currency: p.currency, hsCode: '610910', dutyRate: '0.1' }], customs: { profile: p.code } },
        { profiles: profileLookup(SHIPPED_PROFILES) },
      );
      expect(r.totals.landedTotal, p.code).toBeGreaterThanOrEqual(r.totals.goods);
    }
    for (const code of ['EU-DE', 'EU-FR', 'EU-NL', 'EU-IT', 'EU-ES', 'EU-IE', 'GB', 'US', 'AU', 'CA', 'JP', 'CN', 'CN-CBEC']) {
      expect(SHIPPED_PROFILES.some((p) => p.code === code), code).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('bad input: every problem named by its JSON path', () => {
  const base = (over: Partial<LandedInput> = {}): LandedInput => ({ currency: 'USD', lines: [line('a', '10.00', { unitWeightKg: '1' }), line('b', '20.00', { unitWeightKg: '2' })], ...over });
  const charge = (split: unknown, extra: object = {}) => ({ charges: [{ id: 'freight', amount: '10.00', currency: 'USD', split, ...extra }] as LandedInput['charges'] });
  // [name, input, path, message pattern]
  const cases: [string, unknown, string, RegExp][] = [
    ['an unknown split method', base(charge('by-magic')), 'charges[0].split', /"by-magic" is not a split method/],
    ['manual shares that do not add up to the charge', base(charge({ manual: { a: '4.00', b: '5.00' } })), 'charges[0].split.manual', /add up to 9\.00 USD, not the charge's 10\.00 USD/],
    ['a manual share for a line that does not exist', base(charge({ manual: { a: '10.00', z: '6.00' } })), 'charges[0].split.manual.z', /not the id of a line/],
    ['a line with zero weight under a by-weight split', base({ lines: [line('a', '10.00', { unitWeightKg: '1' }), line('b', '20.00', { unitWeightKg: '0' })], ...charge('weight') }), 'lines[1].unitWeightKg', /line "b" has no weight/],
    ['a line with no weight under a by-weight split', base({ lines: [line('a', '10.00', { unitWeightKg: '1' }), line('b', '20.00')], ...charge('weight') }), 'lines[1].unitWeightKg', /line "b" has no weight/],
    ['a line with no volume under a by-volume split', base(charge('volume')), 'lines[0].unitVolumeM3', /line "a" has no volume/],
    ['a charge in a currency with no rate', base(charge('value', { currency: 'EUR' })), 'charges[0].currency', /no exchange rate for EUR → USD: add rates\.EUR/],
    ['a line in a currency with no rate', base({ lines: [line('a', '10.00'), line('b', '2000', { currency: 'JPY' })] }), 'lines[1].currency', /no exchange rate for JPY → USD/],
    ['a negative quantity', base({ lines: [line('a', '10.00', { quantity: -2 })] }), 'lines[0].quantity', /^must be a positive integer$/],
    ['a quantity of 1.5', base({ lines: [line('a', '10.00'), line('b', '10.00', { quantity: 1.5 })] }), 'lines[1].quantity', /^must be a positive integer$/],
    ['a quantity of zero', base({ lines: [line('a', '10.00', { quantity: '0' })] }), 'lines[0].quantity', /^must be a positive integer$/],
    ['a missing quantity', { currency: 'USD', lines: [{ id: 'a', unitPrice: '1.00', currency: 'USD' }] }, 'lines[0].quantity', /^must be a positive integer$/],
    ['an exchange rate of zero (as a number)', base({ rates: { EUR: 0 } }), 'rates.EUR', /exchange rate of zero/],
    ['a negative exchange rate', base({ rates: { EUR: '-1.1' } }), 'rates.EUR', /must not be negative/],
    ['a split whose basis adds up to zero (all values 0, split by value)', base({ lines: [line('a', '0.00'), line('b', '0')], ...charge('value') }), 'charges[0].split', /cannot split by value: the lines' value adds up to zero/],
    ['more decimals than the currency has', base(charge('value', { amount: '10.005' })), 'charges[0].amount', /USD amounts have at most 2 decimal places/],
    ['an excise rate of 1', base({ lines: [line('a', '10.00', { exciseRate: '1' })] }), 'lines[0].exciseRate', /less than 1/],
    ['not an object', [1, 2], '$', /must be a JSON object/],
  ];
  it.each(cases)('%s', (_name, input, path, message) => {
    const found = issues(input);
    expect(found.map((i) => i.path)).toEqual([path]);
    expect(found[0]!.message).toMatch(message);
  });

  it('an exchange rate of zero is refused on rates.USD, where it is given', () => {
    const found = issues({ currency: 'EUR', rates: { USD: '0' }, lines: [line('a', '1.00')] });
    // once: the line using it is not also told the rate is missing
    expect(found).toEqual([{ path: 'rates.USD', message: 'an exchange rate of zero is not a rate' }]);
  });

  it('a fee may not take the id of a charge or of another fee (it would hide it)', () => {
    const fee = (id: string) => ({ id, rate: '0.01' });
    const clash = issues(base({ ...charge('value'), customs: { fees: [fee('freight')] } }));
    expect(clash).toEqual([{ path: 'customs.fees[0].id', message: '"freight" is already the id of a charge or another fee' }]);
    expect(issues(base({ customs: { fees: [fee('x'), fee('x')] } })).map((i) => i.path)).toEqual(['customs.fees[1].id']);
  });

  it('JSON numbers too small for plain printing are read as the decimals they are (5e-7 → 0.0000005)', () => {
    const r = run({ currency: 'USD', lines: [line('a', '1.00', { unitVolumeM3: 0.0000005 }), line('b', '1.00', { unitVolumeM3: 0.0000015 })], charges: [{ id: 'f', amount: '1.00', currency: 'USD', split: 'volume' }] });
    expect(shares(r, 'f')).toEqual([25, 75]);
  });

  it('several problems at once are all reported, in input order', () => {
    const found = issues({
      currency: 'USD',
      rates: { EUR: '0' },
      lines: [line('a', '10.00', { quantity: -1 }), line('a', '1.2345678'), line('c', '5.00', { currency: 'GBP' })],
      charges: [
        { id: 'freight', amount: '10.00', currency: 'USD', split: 'sideways' },
        { id: 'duty-agent', amount: '7.00', currency: 'USD', split: { manual: { a: '1.00' } } },
      ],
    });
    expect(found.map((i) => i.path)).toEqual([
      'rates.EUR',
      'lines[0].quantity',
      'lines[1].id',
      'lines[1].unitPrice',
      'lines[2].currency',
      'charges[0].split',
      'charges[1].split.manual',
    ]);
    // the LandedInputError's message is the same list, one `path: message` a line
    const e = (() => {
      try {
        landedCost({ currency: 'USD', lines: [line('a', '1', { quantity: 0 }), line('b', '1', { quantity: 'x' })] });
      } catch (err) {
        return err as LandedInputError;
      }
    })();
    expect(e).toBeInstanceOf(LandedInputError);
    expect(e!.message).toBe('lines[0].quantity: must be a positive integer\nlines[1].quantity: must be a positive integer');
  });
});

// ---------------------------------------------------------------------------------------------
describe('property: no minor unit is created or lost', () => {
  const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD', 'CNY', 'GBP'];
  // rough worth of one unit in USD, to make plausible crosses
  const WORTH: Record<string, number> = { USD: 1, EUR: 1.17, JPY: 0.0066, KWD: 3.25, CNY: 0.14, GBP: 1.34 };
  const METHODS = ['value', 'quantity', 'weight', 'volume', 'equal', 'manual'] as const;

  function randomInput(rand: () => number) {
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    /** an amount of `cur` between lo and hi hundredths of a unit, in its minor unit, plus `extra` random decimals */
    const money = (cur: string, lo: number, hi: number, extra = 0) => {
      const e = currencyExponent(cur);
      const minor = (BigInt(int(lo, hi)) * 10n ** BigInt(e)) / 100n;
      return formatScaled(minor * 10n ** BigInt(extra) + BigInt(extra ? int(0, 10 ** extra - 1) : 0), e + extra);
    };
    const currency = pick(CURRENCIES);
    const rates = Object.fromEntries(CURRENCIES.filter((c) => c !== currency).map((c) => [c, (WORTH[c]! / WORTH[currency]! * (0.9 + rand() * 0.2)).toFixed(8)]));
    const n = int(1, 8);
    // a quarter are parcels small enough for the low-value thresholds
    const small = rand() < 0.25;
    const hs = ['610910', '620620', '420222', '851310'];
    const lines: LandedLineInput[] = Array.from({ length: n }, (_, i) => {
      const cur = pick(CURRENCIES);
      // at least 1.00 USD worth of goods a line so a value split always has a basis
      const scale = Math.ceil(1 / WORTH[cur]!);
      return {
        id: `L${i}`,
        quantity: small ? int(1, 3) : int(1, 500),
        unitPrice: money(cur, 100 * scale, (small ? 6_000 : 500_000) * scale, rand() < 0.3 ? 2 : 0),
        currency: cur,
        unitWeightKg: (int(1, 50_000) / 1000).toString(),
        unitVolumeM3: (int(1, 9_000) / 1_000_000).toString(),
        hsCode: pick(hs),
        dutyRate: pick(['0', '0.05', '0.12', '0.175', '0.3']),
        exciseRate: rand() < 0.2 ? pick(['0.1', '0.15', '0.3']) : null,
        ...(rand() < 0.1 ? { rate: (WORTH[cur]! / WORTH[currency]!).toFixed(6) } : {}),
      };
    });
    const charges = Array.from({ length: int(0, 5) }, (_, j) => {
      const cur = pick(CURRENCIES);
      const amount = money(cur, 0, 5_000_000);
      const method = pick(METHODS);
      let split: NonNullable<LandedInput['charges']>[number]['split'] = method === 'manual' ? 'value' : method;
      if (method === 'manual') {
        // cut the amount at random points into one share a line; some lines get none
        const e = currencyExponent(cur);
        const total = BigInt(amount.replace('.', ''));
        const cuts = Array.from({ length: n - 1 }, () => BigInt(Math.floor(rand() * (Number(total) + 1)))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const bounds = [0n, ...cuts, total];
        const manual: Record<string, string> = {};
        lines.forEach((l, i) => {
          const part = bounds[i + 1]! - bounds[i]!;
          if (part > 0n || rand() < 0.5) manual[l.id] = formatScaled(part, e);
        });
        split = { manual };
      }
      return { id: `C${j}`, amount, currency: cur, split, inCustomsValue: rand() < 0.7 };
    });
    const customs: LandedInput['customs'] =
      rand() < 0.2
        ? null
        : {
            currency: pick(CURRENCIES),
            dutyBasis: pick(['FOB', 'CIF'] as const),
            vatRate: pick(['0', '0.05', '0.1', '0.13', '0.19', '0.27']),
            ...(rand() < 0.3 ? { taxFactor: '0.7' } : {}),
            ...(rand() < 0.3 ? { vatRecoverable: true } : {}),
            ...(rand() < 0.3 ? { dutyFreeUpTo: pick(['150.00', '800.00', '1000.00', '5000.00']) } : {}),
            ...(rand() < 0.2 ? { vatFreeUpTo: pick(['150.00', '1000.00']) } : {}),
            ...(rand() < 0.3 ? { lowValueDutyPerHs6: '3.00' } : {}),
            ...(rand() < 0.4 ? { fees: [{ id: 'F0', rate: '0.003464', min: '33.58', max: '651.50' }, { id: 'F1', rate: '0.00125', optional: true }], includeFees: rand() < 0.5 ? ['F1'] : [] } : {}),
          };
    // KWD and JPY thresholds: the customs currency's minor unit decides the decimals
    if (customs?.currency && currencyExponent(customs.currency) !== 2) {
      const e = currencyExponent(customs.currency);
      for (const k of ['dutyFreeUpTo', 'vatFreeUpTo', 'lowValueDutyPerHs6'] as const) if (customs[k]) customs[k] = formatScaled(BigInt(customs[k]!.replace('.', '')) * 10n ** BigInt(e) / 100n, e);
      for (const f of customs.fees ?? []) for (const k of ['min', 'max'] as const) if (f[k]) f[k] = formatScaled(BigInt(f[k]!.replace('.', '')) * 10n ** BigInt(e) / 100n, e);
    }
    return { currency, date: DAY, rates, lines, charges, customs } satisfies LandedInput;
  }

  it('600 random consignments: shares sum to each charge, totals to the lines, lines to their parts', () => {
    const rand = seededRandom(20261124);
    const methodsSeen = new Set<string>();
    let withCustoms = 0;
    let lowValue = 0;
    for (let k = 0; k < 600; k++) {
      const input = randomInput(rand);
      const r = landedCost(input, { today: DAY });
      const rec = input.customs?.vatRecoverable === true;
      if (input.customs) withCustoms++;
      if (r.lowValue) lowValue++;
      for (const c of input.charges) {
        methodsSeen.add(typeof c.split === 'string' ? c.split : 'manual');
        // convert once, then split: the total is the converted amount, to the minor unit
        const amountMinor = Number(c.amount.replace('.', ''));
        const expected = c.currency === input.currency ? amountMinor : convert(amountMinor, c.currency, input.currency, parseRate(input.rates[c.currency]!));
        expect(r.chargeTotals[c.id], `case ${k} charge ${c.id}`).toBe(expected);
      }
      for (const [id, total] of Object.entries(r.chargeTotals)) {
        const parts = r.lines.map((l) => l.charges[id]!);
        expect(parts.every((p) => Number.isSafeInteger(p) && p >= 0), `case ${k} ${id} parts ${parts}`).toBe(true);
        expect(parts.reduce((a, b) => a + b, 0), `case ${k} ${id}`).toBe(total);
      }
      const sum = (f: (l: LandedResult['lines'][number]) => number) => r.lines.reduce((a, l) => a + f(l), 0);
      for (const l of r.lines) {
        const charges = Object.values(l.charges).reduce((a, b) => a + b, 0);
        expect(l.landedTotal, `case ${k} line ${l.id}`).toBe(l.goods + charges + l.duty + l.excise + (rec ? 0 : l.vat));
        expect([l.goods, l.duty, l.excise, l.vat].every((x) => x >= 0)).toBe(true);
      }
      expect(r.totals.landedTotal).toBe(sum((l) => l.landedTotal));
      expect(r.totals.goods).toBe(sum((l) => l.goods));
      expect(r.totals.duty).toBe(sum((l) => l.duty));
      expect(r.totals.excise).toBe(sum((l) => l.excise));
      expect(r.totals.vat).toBe(sum((l) => l.vat));
      expect(r.totals.charges).toBe(sum((l) => Object.values(l.charges).reduce((a, b) => a + b, 0)));
      expect(r.totals.recoverableVat).toBe(rec ? r.totals.vat : 0);
      expect(r.totals.landedTotal).toBe(r.totals.goods + r.totals.charges + r.totals.duty + r.totals.excise + r.totals.vat - r.totals.recoverableVat);
    }
    // the generator really covered every method and the customs paths
    expect([...methodsSeen].sort()).toEqual([...METHODS].sort());
    expect(withCustoms).toBeGreaterThan(400);
    expect(lowValue).toBeGreaterThan(10);
  });
});
