// Customs profiles: a destination's rules as dated data (thresholds, VAT, flat duties, fees),
// each version valid for a span of days and carrying its sources. A profile is applied only on
// a day inside one of its versions' spans — never silently outside its dates.
import type { CustomsInput, FeeInput, ProfileLookup } from './landed';

export interface ProfileSource {
  title: string;
  url: string;
}

export interface CustomsRules extends Omit<CustomsInput, 'profile' | 'currency' | 'includeFees' | 'fees'> {
  annualLimit?: string | null;
  fees?: FeeInput[];
}

export interface TariffRow {
  hs: string;
  dutyRate: string;
  exciseRate?: string | null;
}

export interface CustomsProfile {
  code: string;
  name: string;
  country: string;
  currency: string;
  validFrom: string;
  validTo: string | null;
  customs: CustomsRules;
  /** duty (and excise) rates by HS code or heading, entered by the user: the longest prefix wins */
  tariff?: TariffRow[];
  sources: ProfileSource[];
  notes: string;
}

export function coversDay(p: Pick<CustomsProfile, 'validFrom' | 'validTo'>, day: string): boolean {
  return p.validFrom <= day && (p.validTo === null || day <= p.validTo);
}

/** The version of profile `name` (its code, or its name) in force on `day`, or why there is none. */
export function profileOn(profiles: readonly CustomsProfile[], name: string, day: string): CustomsProfile | { error: string } {
  const key = name.trim().toLowerCase();
  const versions = profiles.filter((p) => p.code.toLowerCase() === key || p.name.toLowerCase() === key);
  if (versions.length === 0) return { error: `no customs profile "${name}"` };
  const found = versions.find((p) => coversDay(p, day));
  if (found) return found;
  const spans = versions.map((p) => `${p.validFrom} to ${p.validTo ?? 'open'}`).join(', ');
  return { error: `"${name}" does not apply on ${day} (it covers ${spans})` };
}

export function profileLookup(profiles: readonly CustomsProfile[]): ProfileLookup {
  return (name, day) => {
    const p = profileOn(profiles, name, day);
    return 'error' in p ? p : { customs: p.customs, currency: p.currency };
  };
}

/** Versions of the same code must not overlap, or a day would have two rule sets. */
export function overlapError(profiles: readonly CustomsProfile[]): string | null {
  const byCode = new Map<string, CustomsProfile[]>();
  for (const p of profiles) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p]);
  for (const [code, versions] of byCode) {
    const sorted = [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      if (prev.validTo === null || prev.validTo >= sorted[i]!.validFrom) return `${code}: the version from ${prev.validFrom} overlaps the one from ${sorted[i]!.validFrom}`;
    }
  }
  return null;
}

/** The profile's tariff row for an HS code: the longest matching prefix ("6109" covers "610910"). */
export function tariffFor(profile: Pick<CustomsProfile, 'tariff'>, hs: string | null): TariffRow | null {
  if (!hs) return null;
  let best: TariffRow | null = null;
  for (const row of profile.tariff ?? []) if (hs.startsWith(row.hs) && (!best || row.hs.length > best.hs.length)) best = row;
  return best;
}
