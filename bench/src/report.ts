/** How a suite prints a line: "<name>: <value> <unit>, <ratio>x vs <baseline>" (see run.ts). */
export type Report = (
  name: string,
  value: number,
  unit: string,
  baselineValue: number,
  baseline: string,
  higherIsBetter?: boolean,
) => void

/** A detail line on stderr, indented with "#" so the report lines stay easy to read. */
export const note = (line: string) => console.error(`  # ${line}`)
