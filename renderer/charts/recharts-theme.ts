// Colours and small helpers shared by the charts (kept apart so the lazy chunk holds only recharts code).
export const PALETTE = ['#2563eb', '#0d9488', '#d97706', '#7c3aed', '#db2777', '#059669', '#dc2626', '#4b5563', '#0891b2', '#65a30d'];
export const IN_COLOUR = '#0d9488';
export const OUT_COLOUR = '#e11d48';
export const AXIS = { fontSize: 11, fill: '#6b7280' };
export const GRID = '#e5e7eb';
export const HEIGHT = 240;
