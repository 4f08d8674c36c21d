import type { Handlers } from '../context';

export const backupHandlers = {
  'backups.status': async (_input, t) => t.backups.status(),
  'backups.run': (_input, t) => t.backups.run('manual'),
  'backups.restore': (input, t) => t.backups.restore(input.name, input.folder),
  'backups.configure': (input, t) => t.backups.configure(input.secondFolder),
} satisfies Handlers<'backups'>;
