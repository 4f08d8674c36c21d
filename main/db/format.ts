/** 'CRDK' — the SQLite application_id that marks a file as ours, so a random SQLite file is refused, not migrated. */
export const APPLICATION_ID = 0x4352444b;
