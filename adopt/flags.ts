/*
 * The command line of `adopt`, `policy` and `check`: options as `--name value` or `--name=value`,
 * switches as `--name`, and the Region every command needs.
 */

/** What a command takes, and how it answers a wrong command line. */
export interface CommandLine {
  /** Options with a value. */
  readonly options: readonly string[];
  /** Options without a value. */
  readonly switches?: readonly string[];
  /** Printed after an unknown option or a bad Region. */
  readonly usage: string;
  /** The exit code of a wrong command line. */
  readonly exitCode: number;
}

/**
 * The options by name (a switch is 'true') and the Region, or the exit code of a command line that
 * is wrong, after saying why on stderr.
 */
export function parseCommandLine(args: readonly string[], line: CommandLine): { flags: { [name: string]: string }; region: string } | number {
  const flags: { [name: string]: string } = {};
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split('=', 2);
    if (inline === undefined && line.switches?.includes(name)) {
      flags[name.slice(2)] = 'true';
      continue;
    }
    if (!line.options.includes(name)) {
      process.stderr.write(`Unknown option "${args[i]}".\n${line.usage}`);
      return line.exitCode;
    }
    const value = inline ?? args[++i];
    if (value === undefined) {
      process.stderr.write(`${name} needs a value.\n`);
      return line.exitCode;
    }
    flags[name.slice(2)] = value;
  }
  const region = flags.region;
  if (!region || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    process.stderr.write(`--region ${region ?? '(missing)'}: give a Region name such as us-east-1.\n${line.usage}`);
    return line.exitCode;
  }
  return { flags, region };
}
