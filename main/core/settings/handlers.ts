import type { Handlers } from '../context';
import { readSettings, updateSettings } from './service';

export const settingsHandlers = {
  'settings.get': (_input, ctx) => readSettings(ctx),
  'settings.update': (input, ctx) => updateSettings(ctx, input),
} satisfies Handlers<'settings'>;
