// The customs profiles that ship with the app (data/customs-profiles.json, each with its sources).
// Kept apart from the rules in customs.ts so screens that only need the rules do not carry the data.
import shipped from '../data/customs-profiles.json';
import type { CustomsProfile } from './customs';

export const SHIPPED_PROFILES: readonly CustomsProfile[] = (shipped as { profiles: CustomsProfile[] }).profiles;
