// How the command line reads its arguments: the command (one or two words), the words after it,
// and the --options (some of which take a value). Shared by the full command line (./index.ts) and
// the bundle of pure commands (./pure.ts), so both read a line the same way.

/** options followed by their value */
const WITH_VALUE = ['--data', '--location', '--status', '--supplier', '--to', '--out', '--format', '--map'];
/** commands of two words (`fx import FILE`, `po show NUMBER`, …) */
const TWO_WORDS = ['fx', 'po', 'shipments', 'tracking', 'orders', 'live', 'outbox', 'import'];
/** commands of one word followed by arguments (`landed-cost FILE`, `sync [SUPPLIER]`, …) */
const ONE_WORD = ['landed-cost', 'reorder', 'sync', 'restore', 'export'];

export interface Args {
  command: string;
  rest: string[];
  opt(name: string): string | undefined;
  has(name: string): boolean;
}

export function parseArgs(argv: readonly string[]): Args {
  const words = argv.filter((a, i) => (!a.startsWith('--') || a === '--ecb') && !(i > 0 && WITH_VALUE.includes(argv[i - 1]!)));
  const head = TWO_WORDS.includes(words[0]!) ? 2 : ONE_WORD.includes(words[0]!) ? 1 : words.length;
  return {
    command: words.slice(0, head).join(' ') || 'help',
    rest: words.slice(head),
    opt: (name) => {
      const i = argv.indexOf(`--${name}`);
      return i >= 0 ? argv[i + 1] : undefined;
    },
    has: (name) => argv.includes(`--${name}`),
  };
}
