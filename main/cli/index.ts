// The `crossdock` command line: `npm run -s cli -- <command> [options]`.
// Commands call the same API as the UI, in-process.
import { parseArgs } from './args';

const HELP = `Crossdock command line

Usage: npm run -s cli -- <command> [options]

Commands:
  help                     this text
  stock [--location CODE] [--all] [--json]
                           stock balances per product and location (non-zero only unless --all)
  db check [--json]        integrity check: SQLite integrity, the ledger's hash chain, and every
                           balance rebuilt from the ledger and compared with the stored one
  fx import FILE|--ecb     exchange rates: the ECB's eurofxref-hist.zip or CSV, a CSV of
                           date,base,quote,rate rows, or --ecb for the rates shipped with the app
  po list [--status S] [--json]
                           purchase orders, newest first (S: open, draft, sent, partially_received,
                           received, closed, cancelled)
  po show NUMBER [--json]  one order with its lines and receipts
  shipments list [--late] [--arriving] [--json]
                           shipments in motion, late first (ETA passed, not delivered), then by ETA;
                           --arriving: inbound and transfers not received, due within six weeks
  orders import FILE.csv [--location CODE] [--dry-run]
                           sales orders from Shopify's orders export or the generic CSV format
                           (docs/sales.md); orders imported before are found, not made again;
                           bad rows are listed by line and column
  orders list [--status S] [--all] [--json]
                           sales orders, newest first, the latest 200 unless --all (S: draft,
                           confirmed, partly_shipped, shipped, completed, cancelled, to-ship)
  live report NUMBER [--json]
                           a live session's claims, sell-through, revenue, margin and orders to pack
  tracking import FILE.csv tracking events from a CSV with the header
                           tracking_number,time,status,place,text; duplicates are skipped, bad rows
                           (unknown number, bad or future date, unknown status) are listed
  fx rate CUR [DATE] [--json]
                           what one CUR is worth in the base currency on DATE (default today):
                           the latest rate on or before it, direct or through EUR
  sync [SUPPLIER] [--json] sends the orders waiting in the outbox and pulls catalogue, prices,
                           availability, order updates and shipments from every connected supplier
                           (or the one named), and waits; exit 1 unless every sync went through
  outbox list [--supplier NAME] [--all] [--json]
                           purchase orders waiting to be sent to suppliers (--all: sent and
                           refused ones too), with their tries and last problem
  backup [--to DIR]        a checked copy of the database (SQLite's online backup), into DIR or
                           the backups folder next to the data (old ones kept by day, week, month)
  export WHAT [--format csv|xlsx] [--out FILE]
                           a list as the app exports it (WHAT: products, stock, movements,
                           suppliers, purchase-orders, sales-orders, customers, shipments)
  export all --out DIR     every table as CSV with a manifest (docs/export.md); API keys left out
  import products FILE [--dry-run] [--all-or-nothing] [--format F] [--map TEMPLATE.json]
                           products from Shopify's or WooCommerce's products export, Crossdock's
                           own, or any CSV/XLSX (columns guessed, or named in a JSON file such as
                           {"sku": "Item code", "name": "Description"}, or a mapping saved in the
                           app by its name); existing SKUs updated;
                           bad rows listed by line and column (exit 1); backed up first
  import stock FILE [--dry-run] [--all-or-nothing] [--map TEMPLATE.json]
                           opening stock: each SKU's quantity at each location (code) set to the
                           file's by "opening" adjustments at its unit cost; the same file twice
                           changes nothing; Crossdock's own stock export reads back
  import suppliers FILE | import prices FILE [--dry-run] [--all-or-nothing] [--map TEMPLATE.json]
                           suppliers (found by name, else added), or supplier price lists (a row:
                           supplier, its SKU, price, and optionally our SKU, MOQ, case pack)
  import all DIR --data NEW_FILE
                           a new data file from a full export, identical to the exported data
  restore FILE             puts a backup's data in place of the current data (the app must be
                           closed); the current data is backed up first, or, if it is damaged,
                           kept beside; a backup from an older version is upgraded
  reorder FILE.json|-      the forecasting and reorder engines on a JSON file (or stdin with -): per
                           item its demand class, method, forecast, safety stock, reorder point,
                           EOQ and suggested quantity, as JSON (docs/reorder.md); no database; bad
                           input exits 2 with one "path: problem" line each on stderr
  landed-cost FILE.json|-  the landed-cost engine on a JSON file (or stdin with -): each line's
                           share of the charges, duty, excise, VAT and landed cost, as JSON; uses
                           the shipped customs profiles ("customs": {"profile": "AU"}), no database;
                           bad input exits 2 with one "path: problem" line each on stderr

Options for every command:
  --data FILE              the database file (default: your data in the OS user-data folder)
  --demo                   use the demo database instead

Exit codes: 0 ok, 1 a check failed or bad input, 2 the database could not be opened
(landed-cost: 2 for input it cannot use).`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliOptions {
  /** all of stdin, for commands that read `-` (tests pass their own) */
  readStdin?: () => Promise<string>;
}

export async function runCli(
  argv: string[],
  io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) },
  options: CliOptions = {},
): Promise<number> {
  const { opt, has, command, rest } = parseArgs(argv);
  if (command === 'help') {
    io.out(HELP);
    return 0;
  }
  if (command === 'landed-cost' || command === 'reorder') {
    // a pure calculation: it never opens the database
    const { runPure } = await import('./pure');
    return runPure(command, rest, io, options.readStdin);
  }
  if (command === 'import all') {
    const { importAllCommand } = await import('./transfer');
    const target = opt('data');
    if (!target) {
      io.err('import all needs --data NEW_FILE: a full export goes into a new data file');
      return 1;
    }
    return importAllCommand(rest[0], target, io);
  }
  if (command === 'restore') {
    // not beside a running app: it takes the data file for itself
    const { restoreCommand } = await import('./backup');
    const { dataFile } = await import('../server/app');
    return restoreCommand(opt('data') ?? dataFile(has('demo')), rest[0], io);
  }
  if (!['stock', 'db check', 'fx import', 'fx rate', 'po list', 'po show', 'shipments list', 'tracking import', 'orders import', 'orders list', 'live report', 'sync', 'outbox list', 'backup', 'export', 'import products', 'import stock', 'import suppliers', 'import prices'].includes(command)) {
    io.err(`Unknown command "${command}". Run: npm run -s cli -- help`);
    return 1;
  }
  // the database, and everything behind it, is loaded only for the commands that use it: the pure
  // calculations above start in a fraction of the time (a script may call them thousands of times)
  const { runDatabaseCommand } = await import('./database-commands');
  return runDatabaseCommand(command, rest, { opt, has }, io);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  // exit once stdout and stderr have drained: into a pipe they write asynchronously, and an exit
  // straight away would cut a large answer off at the pipe's buffer (64 KiB)
  runCli(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code))));
}
