// Every command's usage in one place: `coupon-rules --help` lists them all, `coupon-rules COMMAND --help` prints one.

/** The commands of the CLI, in the order `--help` lists them. */
export const COMMANDS = ['oracle', 'explain', 'quote', 'schema', 'conform', 'audit', 'vectors'] as const;
export type Command = (typeof COMMANDS)[number];

export const isCommand = (name: string): name is Command => (COMMANDS as readonly string[]).includes(name);

const OPS = 'quote, coupon-state, coupon-issue-check, coupon-choices, dispute-state, outage-plan';

/** One command's usage: its synopsis lines and what it does, as `COMMAND --help` prints it. */
export const COMMAND_HELP: Readonly<Record<Command, string>> = {
  oracle: `Usage: coupon-rules oracle

Answers JSON-lines requests from stdin: one answer line on stdout per input line, in order, each written as
soon as it is ready. The contract (ops, fields, answers, error codes) is docs/wire-format.md.
`,
  explain: `Usage: coupon-rules explain FILE|- [--json]

Answers one request of any op (a JSON file, or - for stdin) and prints the answer as a breakdown for people:
a quote's lines and totals; who may be given a coupon; the buyer's choices at checkout; a coupon's status,
expiry (store time and UTC) and its events as a timeline; a dispute's timeline, whose turn it is, deadlines,
offers and what each party may do; an outage plan's windows, remedies and notices. Times are the store's or
the policy's, never this machine's. --json prints the answer object instead. Exit codes: 0 answered, 1 refused
(the errors on stderr) or not JSON, 2 usage or unreadable input.
Ops: ${OPS}.
`,
  quote: `Usage: coupon-rules quote FILE|- [--json]

The quote's breakdown: like explain, for a quote request (its "op" may be left out). A request of another op
is pointed to explain.
`,
  schema: `Usage: coupon-rules schema OP [--answer]

Prints the JSON Schema of an op's request (or, with --answer, of its answer).
Ops: ${OPS}.
`,
  conform: `Usage: coupon-rules conform [--op OP] [--runs N] [--seed S] [--timeout MS] [--errors MODE] [--refusals SHARE] -- COMMAND [ARGS…]

Starts COMMAND, a program that speaks the wire format, feeds it generated requests (about a quarter of them
refused by the rules) and checks that it answers like coupon-rules. Prints the first disagreement, shrunk to
the smallest request found, with the program's own answer, or a hang or crash with the request that caused
it, and a command line to replay the run. Needs fast-check.
  --op OP        ${OPS} (default quote)
  --runs N       cases to check, a whole number from 1 (default 100)
  --seed S       replay a run (a whole number; printed by every run)
  --timeout MS   how long to wait for each answer before reporting a hang (default 5000)
  --errors MODE  how refusals are compared: codes (default; the same set of error codes), exact (codes and
                 paths in order), outcome (only ok versus refused)
  --refusals SHARE  the share of requests the rules refuse, from 0 to 1 (default 0.25; 0 checks answers only)
Exit codes: 0 conforms, 1 does not (a wrong answer, a hang, a crash), 2 usage.
`,
  audit: `Usage: coupon-rules audit FILE|- [--errors MODE] [--json]

Reads JSON lines {"request": {...}, "answer": {...}} of any op (recorded by your implementation, or written by
vectors), answers each request with coupon-rules and reports every pair whose recorded answer differs: the
line number and the differing fields, then a summary by field and error code. Streams any number of lines.
  --errors MODE  codes (default), exact or outcome, as for conform
  --json         print each difference, each line that is not a pair, and the summary as JSON lines
Exit codes: 0 all agree, 1 some differ (or a line is not a pair), 2 usage or unreadable input.
`,
  vectors: `Usage: coupon-rules vectors --op OP --n N [--seed S] [--refusals SHARE]

Writes N request/answer pairs of an op as JSON lines (the format audit reads), drawn from the generators
conform uses, refusals included: test vectors for a test suite in any language. Needs fast-check.
  --op OP   ${OPS}
  --n N     how many pairs, a whole number from 1 to 10,000,000
  --seed S  the same seed writes the same file (default 1)
  --refusals SHARE  the share of requests the rules refuse, from 0 to 1 (default 0.25)
`,
};

declare const __VERSION__: string | undefined;
/** The package's version, set by the build; `dev` when running from sources. */
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

/** The whole tool's usage, as `coupon-rules --help` prints it. */
export const USAGE = `coupon-rules ${VERSION}: exact seller-coupon rules, and a JSON-lines reference oracle

Usage:
  coupon-rules oracle                 answer JSON-lines requests from stdin, one answer line per input line
  coupon-rules explain FILE|- [--json]
                                      any request's answer as a readable breakdown (or the answer object)
  coupon-rules quote FILE|- [--json]  the same for a quote request, whose "op" may be left out
  coupon-rules schema OP [--answer]   print the JSON Schema of an op's request (or answer)
  coupon-rules conform [--op OP] [--runs N] [--seed S] [--timeout MS] [--errors MODE] [--refusals SHARE]
                       -- COMMAND [ARGS…]
                                      check that a program speaking the wire format answers like coupon-rules
  coupon-rules audit FILE|- [--errors MODE] [--json]
                                      check recorded request/answer pairs against coupon-rules
  coupon-rules vectors --op OP --n N [--seed S] [--refusals SHARE]
                                      write request/answer pairs as test vectors for any language
  coupon-rules COMMAND --help         one command's usage
  coupon-rules --help | --version

Ops: ${OPS}. conform and vectors need fast-check (npm install --save-dev fast-check).

Exit codes: 0 ok, 1 invalid input (conform, audit: a disagreement), 2 usage, or input or output that cannot
be read or written (a missing file, a directory as stdin, a full disk).
`;
